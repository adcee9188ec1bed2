package dev.gradcheck.report.allure;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.Problem;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.check.Variable;
import dev.gradcheck.report.HeatMap;
import dev.gradcheck.report.MetricsTable;
import dev.gradcheck.report.TrendChart;
import dev.gradcheck.report.WorstElements;
import dev.gradcheck.tensor.Shapes;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One gradient check as Allure steps: in full (a step per checked tensor with its metrics as
 * parameters, the metrics table, heat maps, worst elements, the book's table for a net, the trend
 * over builds) or as a single line.
 */
final class CheckSteps {

    /** Elements listed in a tensor's worst-elements table. */
    static final int WORST = 10;

    /** Largest tensor drawn as a heat map; drawing is linear in the elements (W1 of the book's net: 39,200). */
    static final int MAX_HEAT_MAP_ELEMENTS = 100_000;

    private CheckSteps() {
    }

    /**
     * The check in full, in a step named after it (prefixed by {@code prefix} if not empty).
     * {@code trend}: per tensor, its mean |A - N| in earlier builds then this one, drawn when it
     * moved; null when there is none. {@code heatMap} chooses the tensors drawn as heat maps (of
     * at most {@link #MAX_HEAT_MAP_ELEMENTS}).
     */
    static void full(String prefix, CheckReport report, Map<String, List<Double>> trend, Predicate<TensorReport> heatMap) {
        List<Parameter> parameters = new ArrayList<>(List.of(
                Steps.parameter("h", report.options().h()),
                Steps.parameter("tolerance", report.options().tolerance()),
                Steps.parameter("loss scale S", String.format(Locale.ROOT, "%.6g", report.lossScale())),
                Steps.parameter("rounding unit ulp(S)/h", String.format(Locale.ROOT, "%.3e", report.roundingUnit()))));
        boolean moved = trend != null && moved(trend);
        if (trend != null) {
            parameters.add(Steps.parameter("mean |A − N| over builds", trendSummary(trend, moved)));
        }
        Steps.step(prefix + name(report), status(report), parameters, () -> {
            Steps.attach("metrics", "text/csv", "csv", MetricsTable.csv(report));
            if (isNet(report)) {
                Steps.attach("the book's table", "text/plain", "txt", report.describe());
            }
            if (moved) {
                Steps.attachPng("mean |A − N| over builds", TrendChart.png(report.unit() + ": mean |A − N| over builds", trend));
            }
            for (TensorReport t : report.tensors()) {
                tensor(report, t, heatMap.test(t) && t.elements() <= MAX_HEAT_MAP_ELEMENTS);
            }
            for (Problem p : report.problems()) {
                Steps.step(p.describe(), p.category() == FailureCategory.LAYER_ERROR ? Status.BROKEN : Status.FAILED,
                        List.of());
            }
        });
    }

    /** The check as one step without children or attachments. */
    static void line(CheckReport report) {
        String tensors = report.tensors().stream().map(t -> String.format(Locale.ROOT, "%s %s mean %.2e", t.name(),
                Shapes.format(t.shape()), t.meanAbsDiff())).collect(Collectors.joining(", "));
        Steps.step(verdict(report) + (tensors.isEmpty() ? "" : " — " + tensors), status(report), List.of());
    }

    /** {@code Affine: gradients match — x (2, 9), W (9, 5), b (5)}, or {@code Affine: [gradient mismatch] W}. */
    static String name(CheckReport report) {
        String shapes = report.tensors().stream().map(t -> t.name() + " " + Shapes.format(t.shape()))
                .collect(Collectors.joining(", "));
        return verdict(report) + (report.passed() && !shapes.isEmpty() ? " — " + shapes : "");
    }

    /** {@code Affine: gradients match}, or {@code Affine: [gradient mismatch] W} with what failed. */
    private static String verdict(CheckReport report) {
        String unit = report.unit().isEmpty() ? "(unnamed unit)" : report.unit();
        if (report.passed()) {
            return unit + ": gradients match";
        }
        String what = report.problems().isEmpty()
                ? report.tensors().stream().filter(t -> !t.passed()).map(TensorReport::name).collect(Collectors.joining(", "))
                : shorten(report.problems().get(0).message());
        return unit + ": [" + report.category().tag() + "] " + what;
    }

    static Status status(CheckReport report) {
        if (report.passed()) {
            return Status.PASSED;
        }
        return report.category() == FailureCategory.LAYER_ERROR ? Status.BROKEN : Status.FAILED;
    }

    private static void tensor(CheckReport report, TensorReport t, boolean heatMap) {
        String name = String.format(Locale.ROOT, "%s %s: mean |A − N| %.3e, max %.3e, max rel %.3e — %s", t.name(),
                Shapes.format(t.shape()), t.meanAbsDiff(), t.maxAbsDiff(), t.maxRelError(), t.verdict());
        List<Parameter> parameters = List.of(
                Steps.parameter("mean |A − N|", number(t.meanAbsDiff())),
                Steps.parameter("max |A − N|", number(t.maxAbsDiff())),
                Steps.parameter("max relative error", number(t.maxRelError())),
                Steps.parameter("elements checked", t.checked() + " of " + t.elements()),
                Steps.parameter("skipped (kinks)", t.skipped()),
                Steps.parameter("rechecked at a smaller step", t.rechecked()),
                Steps.parameter("beyond tolerance", t.failures()),
                Steps.parameter("worst element", t.worstIndex() < 0 ? "none" : String.format(Locale.ROOT,
                        "%s: A = %.9g, N = %.9g", Shapes.formatIndex(t.shape(), t.worstIndex()),
                        t.analyticAtWorst(), t.numericAtWorst())),
                Steps.parameter("verdict", t.verdict()));
        Steps.step(name, t.passed() ? Status.PASSED : Status.FAILED, parameters, () -> {
            if (heatMap) {
                Steps.attachPng(t.name() + ": |A − N| heat map", HeatMap.png(report, t));
            }
            Steps.attach(t.name() + ": worst elements", "text/csv", "csv", WorstElements.csv(report, t, WORST));
        });
    }

    /** A unit whose checked tensors are all parameters: a net, checked through its loss. */
    static boolean isNet(CheckReport report) {
        return !report.tensors().isEmpty()
                && report.tensors().stream().allMatch(t -> t.kind() == Variable.Kind.PARAMETER);
    }

    private static boolean moved(Map<String, List<Double>> trend) {
        return trend.values().stream().anyMatch(values -> values.size() > 1
                && values.stream().anyMatch(v -> Double.doubleToLongBits(v) != Double.doubleToLongBits(values.get(0))));
    }

    private static String trendSummary(Map<String, List<Double>> trend, boolean moved) {
        int builds = trend.values().stream().mapToInt(List::size).max().orElse(1);
        if (builds == 1) {
            return "first build recorded";
        }
        return moved ? "moved over the last " + builds + " builds (chart attached)"
                : "bit-identical over the last " + builds + " builds";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }

    private static String shorten(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() <= 140 ? line : line.substring(0, 137) + "...";
    }
}
