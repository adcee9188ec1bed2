package dev.gradcheck.check;

import dev.gradcheck.tensor.Shapes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a {@link GradientCheck} found for one unit: a {@link TensorReport} per checked tensor
 * and the problems (contract breaches, exceptions) that stopped or spoiled the check.
 *
 * @param unit     the unit's name
 * @param options    the options the check ran with
 * @param lossScale  the magnitude S of the terms summed into the scalar ({@link Checkable#lossScale()}),
 *                   NaN if the check stopped before it was known
 * @param tensors    one report per variable, in the unit's order
 * @param problems   problems found besides the element-wise comparison
 * @param evaluation how the losses were evaluated: {@code plain}, {@code fast, 2 threads},
 *                   {@code incremental, 2 threads} (see {@link CheckMode})
 */
public record CheckReport(String unit, CheckOptions options, double lossScale, List<TensorReport> tensors,
                          List<Problem> problems, String evaluation) {

    public CheckReport {
        tensors = List.copyOf(tensors);
        problems = List.copyOf(problems);
    }

    /** A report of a plain check whose loss scale is unknown. */
    public CheckReport(String unit, CheckOptions options, List<TensorReport> tensors, List<Problem> problems) {
        this(unit, options, Double.NaN, tensors, problems, "plain");
    }

    /** A report of a plain check. */
    public CheckReport(String unit, CheckOptions options, double lossScale, List<TensorReport> tensors, List<Problem> problems) {
        this(unit, options, lossScale, tensors, problems, "plain");
    }

    /**
     * The resolution of the numerical gradient, {@code ulp(S)/h}: one ulp of rounding in a loss
     * evaluation moves a central difference by about this much. NaN if the loss scale is unknown.
     */
    public double roundingUnit() {
        return Math.ulp(lossScale) / options.h();
    }

    /** Whether there were no problems and every tensor passed. */
    public boolean passed() {
        return problems.isEmpty() && tensors.stream().allMatch(TensorReport::passed);
    }

    /** The report of the tensor named {@code name}. */
    public Optional<TensorReport> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The category of the first failure, or null if the check passed. */
    public FailureCategory category() {
        if (!problems.isEmpty()) {
            return problems.get(0).category();
        }
        return tensors.stream().map(TensorReport::category).filter(c -> c != null).findFirst().orElse(null);
    }

    /** The full report: a headline, the problems, and a table of the tensors. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        FailureCategory category = category();
        s.append(category == null ? "" : "[" + category.tag() + "] ")
                .append(unit).append(passed() ? ": gradients match" : ": gradient check FAILED" + failingTensors())
                .append(String.format(Locale.ROOT, " (%s, h = %s, %s%s)%n", options.stencil().description(), options.h(),
                        options.tolerance(), "plain".equals(evaluation) ? "" : "; " + evaluation));
        for (Problem p : problems) {
            s.append("  ").append(p.describe()).append(System.lineSeparator());
        }
        if (!tensors.isEmpty()) {
            s.append(table());
        }
        return s.toString();
    }

    private String failingTensors() {
        List<String> names = tensors.stream().filter(t -> !t.passed()).map(TensorReport::name).toList();
        return names.isEmpty() ? "" : " for " + String.join(", ", names);
    }

    /** The book's gradient-check table: one row per tensor. */
    public String table() {
        boolean partial = tensors.stream().anyMatch(t -> !TensorReport.EVERY_ELEMENT.equals(t.method()));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-8s %-10s %9s%s %11s %11s %11s %7s  %s%n",
                "tensor", "shape", "elements", partial ? String.format(Locale.ROOT, " %11s", "checked") : "",
                "mean|A-N|", "max|A-N|", "max rel", "skipped", "verdict"));
        for (TensorReport t : tensors) {
            s.append(String.format(Locale.ROOT, "  %-8s %-10s %9d%s %11.3e %11.3e %11.3e %7d  %s%n",
                    t.name(), Shapes.format(t.shape()), t.elements(), partial ? " " + coverage(t) : "", t.meanAbsDiff(),
                    t.maxAbsDiff(), t.maxRelError(), t.skipped(), t.verdict()));
        }
        return s.toString();
    }

    /** The checked column: {@code 100%}, {@code 0.26%} or {@code direction}. */
    private static String coverage(TensorReport t) {
        String text = t.directional() ? "direction" : String.format(Locale.ROOT, "%.3g%%", 100 * t.coverage());
        return String.format(Locale.ROOT, "%11s", text);
    }
}
