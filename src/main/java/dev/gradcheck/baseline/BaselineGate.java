package dev.gradcheck.baseline;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.TensorReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The baseline gate: fails a check whose mean |A - N| grew beyond its recorded baseline by more
 * than {@link BaselinePolicy#GROWTH_ALLOWANCE} rounding units, or that has no baseline.
 *
 * <p>Any gradient check joins the gate with one call, after its tolerance check passed:
 * <pre>{@code
 * CheckReport report = GradCheckAssertions.assertGradientsMatch(unit);
 * BaselineGate.assertNoRegression(CheckId.of("Affine").shape("x", 2, 9).shape("W", 9, 5).seed(42), report);
 * }</pre>
 * The failure message starts with {@code [baseline regression]} and names, for every grown
 * tensor, the check id, the recorded and current means and their ratio. A mean that shrank passes
 * and is returned (and sent to listeners) as {@link BaselineComparison.Verdict#SHRANK}: an
 * opportunity to tighten by recording, never rewritten silently. With
 * {@code -Dgradcheck.baselines=record} the gate writes the current values instead.
 */
public final class BaselineGate {

    /** The gate of this JVM: {@link BaselineStore#fromSystemProperty()}, {@link BaselineMode#fromSystemProperty()}. */
    private static volatile BaselineGate standard;

    private final BaselineStore store;
    private final BaselineMode mode;

    /** Told of every comparison. */
    private final List<BaselineListener> listeners;

    /** A gate over {@code store} that tells no listener. */
    public BaselineGate(BaselineStore store, BaselineMode mode) {
        this(store, mode, List.of());
    }

    public BaselineGate(BaselineStore store, BaselineMode mode, List<BaselineListener> listeners) {
        this.store = store;
        this.mode = mode;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * The gate configured by the system properties, created on first use, telling the listeners
     * found by {@link ServiceLoader}.
     */
    public static BaselineGate standard() {
        BaselineGate gate = standard;
        if (gate == null) {
            synchronized (BaselineGate.class) {
                if (standard == null) {
                    standard = new BaselineGate(BaselineStore.fromSystemProperty(), BaselineMode.fromSystemProperty(),
                            loadListeners());
                }
                gate = standard;
            }
        }
        return gate;
    }

    /** {@link #verify} on the {@link #standard()} gate: the entry point for every check with a fixed id. */
    public static List<BaselineComparison> assertNoRegression(CheckId id, CheckReport report) {
        return standard().verify(id, report);
    }

    /** {@link #verifyCeiling} on the {@link #standard()} gate: the entry point for checks without a fixed id. */
    public static List<BaselineComparison> assertWithinCeiling(String unit, CheckReport report) {
        return standard().verifyCeiling(unit, report);
    }

    public BaselineStore store() {
        return store;
    }

    public BaselineMode mode() {
        return mode;
    }

    public List<BaselineListener> listeners() {
        return listeners;
    }

    /**
     * Compares (or records) every tensor of {@code report} under {@code id}; throws an
     * {@link AssertionError} listing every failing tensor. Returns every comparison.
     */
    public List<BaselineComparison> verify(CheckId id, CheckReport report) {
        List<Baseline> current = current(id, report);
        String file = relative(store.file(id.unit()));
        List<BaselineComparison> comparisons = new ArrayList<>();
        if (mode == BaselineMode.RECORD) {
            if (!report.passed()) {
                throw new AssertionError("[" + report.category().tag() + "] " + id
                        + ": not recording baselines of a check that failed\n" + report.describe());
            }
            List<Baseline> previous = current.stream().map(b -> store.entries(id.unit()).get(b.key())).toList();
            store.record(id.unit(), current);
            for (int i = 0; i < current.size(); i++) {
                comparisons.add(BaselineComparison.recorded(id, report.tensors().get(i).name(), previous.get(i),
                        current.get(i), file));
            }
        } else {
            for (int i = 0; i < current.size(); i++) {
                String tensor = report.tensors().get(i).name();
                Baseline now = current.get(i);
                comparisons.add(store.find(id, tensor)
                        .map(recorded -> BaselineComparison.of(id, tensor, recorded, now, file))
                        .orElseGet(() -> BaselineComparison.missing(id, tensor, now, file)));
            }
        }
        return publishAndAssert(comparisons);
    }

    /**
     * Checks every tensor of {@code report}, a check without a fixed id (a property over random
     * shapes), against the {@link BaselineCeiling} derived from {@code unit}'s recorded baselines;
     * throws an {@link AssertionError} listing every tensor above its ceiling. Never records.
     */
    public List<BaselineComparison> verifyCeiling(String unit, CheckReport report) {
        CheckId id = CheckId.of(unit).with("ceiling", "property");
        List<Baseline> current = current(id, report);
        List<BaselineComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            String tensor = report.tensors().get(i).name();
            BaselineCeiling ceiling = BaselineCeiling.derive(unit, tensor, store.entries(unit).values());
            double mean = current.get(i).meanAbsDiff();
            double units = BaselineCeiling.inUnits(mean, report.roundingUnit());
            if (ceiling == null) {
                comparisons.add(new BaselineComparison(id, tensor, Double.NaN, mean, Double.NaN, report.roundingUnit(),
                        BaselineComparison.Verdict.MISSING, String.format(Locale.ROOT, "%s/%s: fewer than %d recorded "
                        + "cases of %s in %s to derive a ceiling from; add parameterized checks with ids and record them",
                        unit, tensor, BaselinePolicy.CEILING_MIN_CASES, tensor, relative(store.file(unit)))));
                continue;
            }
            double allowed = ceiling.ceilingUnits() * report.roundingUnit() + report.options().tolerance().atol();
            boolean within = mean <= allowed;
            comparisons.add(new BaselineComparison(id, tensor, Double.NaN, mean, allowed, report.roundingUnit(),
                    within ? BaselineComparison.Verdict.WITHIN_ALLOWANCE : BaselineComparison.Verdict.REGRESSED,
                    String.format(Locale.ROOT, "%s/%s: mean |A - N| %.6e = %.4g rounding units ulp(S)/h = %.3e, %s the %s "
                            + "(plus the tolerance's atol %.1e, which alone bounds a loss of scale near 0)",
                            unit, tensor, mean, units, report.roundingUnit(), within ? "within" : "above",
                            ceiling.describe(), report.options().tolerance().atol())));
        }
        return publishAndAssert(comparisons);
    }

    /** The report's tensors as baseline lines; fails for a report that cannot be compared. */
    private static List<Baseline> current(CheckId id, CheckReport report) {
        if (!Double.isFinite(report.lossScale())) {
            throw new IllegalArgumentException(id + ": the report carries no loss scale (" + report.lossScale()
                    + "); pass a report made by GradientCheck.check");
        }
        if (report.tensors().isEmpty()) {
            throw new AssertionError("[" + FailureCategory.BASELINE_REGRESSION.tag() + "] " + id
                    + ": the report has no checked tensor to compare\n" + report.describe());
        }
        List<Baseline> lines = new ArrayList<>();
        for (TensorReport t : report.tensors()) {
            if (t.checked() == 0 || !Double.isFinite(t.meanAbsDiff())) {
                throw new AssertionError("[" + FailureCategory.BASELINE_REGRESSION.tag() + "] " + id.unit() + "/"
                        + id.key(t.name()) + ": mean |A - N| is " + t.meanAbsDiff() + " over " + t.checked()
                        + " compared elements and cannot be compared with a baseline\n" + report.describe());
            }
            lines.add(new Baseline(id.key(t.name()), t.meanAbsDiff(), t.maxAbsDiff(), t.checked(),
                    report.options().h(), report.lossScale()));
        }
        return lines;
    }

    private List<BaselineComparison> publishAndAssert(List<BaselineComparison> comparisons) {
        comparisons.forEach(c -> listeners.forEach(l -> l.onComparison(c)));
        List<BaselineComparison> failed = comparisons.stream().filter(BaselineComparison::failed).toList();
        if (!failed.isEmpty()) {
            StringBuilder message = new StringBuilder("[").append(FailureCategory.BASELINE_REGRESSION.tag()).append("] ");
            message.append(failed.get(0).message());
            for (BaselineComparison c : failed.subList(1, failed.size())) {
                message.append(System.lineSeparator()).append("  ").append(c.message());
            }
            throw new AssertionError(message.toString());
        }
        return List.copyOf(comparisons);
    }

    /** The file relative to the working directory when it lies inside it, as a person would type it. */
    private static String relative(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    private static List<BaselineListener> loadListeners() {
        List<BaselineListener> listeners = new ArrayList<>();
        ServiceLoader.load(BaselineListener.class).forEach(listeners::add);
        return List.copyOf(listeners);
    }
}
