package dev.gradcheck.numerics;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Stencil;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.check.Variable;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The step-size sweep: the numerical gradient of a unit at every decade h = 10⁻¹ … 10⁻¹⁰, compared
 * with the analytic gradient. The mean |A - N| over h is a V (truncation right, rounding left); an
 * element that agrees at no step has a wrong analytic gradient, one that agrees at other steps was
 * not resolved by the check's step. Each element is judged at each h by the check's tolerance, with
 * the rounding allowance of that h (and, for a predicted-bound tolerance, the truncation predicted at that h).
 *
 * <p>Cost: (number of steps) × a numerical gradient of the swept elements, twice that with a
 * predicted-bound tolerance. {@link #ofFailures} sweeps only the elements a failed check rejected.
 */
public final class StepSweep {

    /** The decades swept: 1e-1 … 1e-10. */
    public static final double[] DECADES = {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10};

    /** At most this many rejected elements per tensor are swept after a failure: the worst ones. */
    public static final int MAX_FAILURES_SWEPT = 64;

    private StepSweep() {
    }

    /** Sweeps every element of every variable of {@code unit} with the options' stencil and tolerance. */
    public static SweepResult run(Checkable unit, CheckOptions options) {
        Map<String, Tensor> analytic = unit.analyticGradient();
        Map<String, int[]> elements = new LinkedHashMap<>();
        for (Variable v : unit.variables()) {
            elements.put(v.name(), IntStream.range(0, v.value().size()).toArray());
        }
        return run(unit, options, analytic, elements, DECADES);
    }

    /**
     * Sweeps the elements {@code report} rejected (up to {@value #MAX_FAILURES_SWEPT} per tensor, the
     * furthest beyond their bound), against the report's analytic gradient.
     */
    public static SweepResult ofFailures(Checkable unit, CheckReport report) {
        CheckOptions options = report.options();
        double floor = floor(unit, options, options.h());
        Map<String, Tensor> analytic = new LinkedHashMap<>();
        Map<String, int[]> elements = new LinkedHashMap<>();
        for (TensorReport t : report.tensors()) {
            if (t.failures() > 0) {
                analytic.put(t.name(), t.analytic());
                elements.put(t.name(), worst(t, options.tolerance(), floor));
            }
        }
        return run(unit, options, analytic, elements, DECADES);
    }

    /** Sweeps {@code elements} (flat indices per variable name) at {@code steps}, against {@code analytic}. */
    public static SweepResult run(Checkable unit, CheckOptions options, Map<String, Tensor> analytic,
                                  Map<String, int[]> elements, double[] steps) {
        Stencil stencil = options.stencil();
        Tolerance tolerance = options.tolerance();
        List<SweepSeries> series = new ArrayList<>();
        for (Variable v : unit.variables()) {
            int[] swept = elements.get(v.name());
            if (swept == null) {
                continue;
            }
            double[] a = analytic.get(v.name()).data();
            double[] mean = new double[steps.length], max = new double[steps.length];
            int[] agreeing = new int[steps.length];
            boolean[][] agreesAt = new boolean[swept.length][steps.length];
            for (int k = 0; k < steps.length; k++) {
                double h = steps[k];
                double floor = floor(unit, options, h);
                for (int e = 0; e < swept.length; e++) {
                    int i = swept[e];
                    double n = stencil.derivative(unit::loss, v.value(), i, h);
                    double allowance = tolerance.truncation() == 0 ? 0 : tolerance.truncation()
                            * Math.abs(stencil.derivative(unit::loss, v.value(), i, 2 * h) - n) / (Math.pow(2, stencil.order()) - 1);
                    double diff = Math.abs(a[i] - n);
                    mean[k] += diff / swept.length;
                    max[k] = Math.max(max[k], diff);
                    agreesAt[e][k] = tolerance.allows(a[i], n, floor + allowance);
                    agreeing[k] += agreesAt[e][k] ? 1 : 0;
                }
            }
            series.add(new SweepSeries(v.name(), swept, mean, max, agreeing, agreesAt));
        }
        return new SweepResult(unit.name(), stencil, steps.clone(), series);
    }

    private static double floor(Checkable unit, CheckOptions options, double h) {
        return options.tolerance().roundingFloor(unit.lossScale(), h) * options.stencil().roundingGain();
    }

    /** Rejected elements of t, furthest beyond their bound first, at most {@value #MAX_FAILURES_SWEPT}. */
    private static int[] worst(TensorReport t, Tolerance tolerance, double floor) {
        double[] a = t.analytic().data(), n = t.numeric().data();
        Integer[] rejected = IntStream.range(0, a.length).filter(i -> !tolerance.allows(a[i], n[i], floor))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(rejected, Comparator.comparingDouble(i -> -Math.abs(a[i] - n[i]) / tolerance.bound(n[i], floor)));
        return Arrays.stream(rejected).limit(MAX_FAILURES_SWEPT).mapToInt(Integer::intValue).toArray();
    }
}
