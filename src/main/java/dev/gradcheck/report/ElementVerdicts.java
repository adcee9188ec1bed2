package dev.gradcheck.report;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.check.Tolerance;

/**
 * The verdict of every element of one checked tensor, recomputed from the report the way the
 * checker reached it: |A - N| against {@code atol + rtol·|N| + rounding·ulp(S)/h}, with the
 * elements the checker skipped as kinks marked as such. Reports colour and list elements by it.
 */
public final class ElementVerdicts {

    /** What became of one element. */
    public enum Verdict {
        /** Within the tolerance. */
        OK,
        /** Beyond the tolerance. */
        BEYOND,
        /** Sits on a kink: skipped by the checker, neither passed nor failed. */
        KINK,
        /** A or N is NaN or infinite. */
        NON_FINITE
    }

    private final TensorReport tensor;
    private final Tolerance tolerance;
    private final double roundingFloor;
    private final Verdict[] verdicts;

    private ElementVerdicts(TensorReport tensor, Tolerance tolerance, double roundingFloor) {
        this.tensor = tensor;
        this.tolerance = tolerance;
        this.roundingFloor = roundingFloor;
        this.verdicts = new Verdict[tensor.elements()];
        for (int i = 0; i < verdicts.length; i++) {
            verdicts[i] = classify(i);
        }
        for (int k : tensor.kinkIndices()) {
            verdicts[k] = Verdict.KINK;
        }
    }

    /** The verdicts of {@code tensor}, one of the tensors of {@code report}. */
    public static ElementVerdicts of(CheckReport report, TensorReport tensor) {
        Tolerance tolerance = report.options().tolerance();
        double floor = Double.isFinite(report.lossScale())
                ? tolerance.roundingFloor(report.lossScale(), report.options().h()) : 0;
        return new ElementVerdicts(tensor, tolerance, floor);
    }

    public TensorReport tensor() {
        return tensor;
    }

    /** Number of elements. */
    public int size() {
        return verdicts.length;
    }

    public Verdict verdict(int i) {
        return verdicts[i];
    }

    /** Analytic A at element i. */
    public double analytic(int i) {
        return tensor.analytic().get(i);
    }

    /** Numerical N at element i (from the smaller step for a rechecked element). */
    public double numeric(int i) {
        return tensor.numeric().get(i);
    }

    /** |A - N| at element i. */
    public double absDiff(int i) {
        return Math.abs(analytic(i) - numeric(i));
    }

    /** The largest |A - N| the tolerance allows at element i. */
    public double allowed(int i) {
        return tolerance.bound(numeric(i), roundingFloor);
    }

    /** |A - N| over what is allowed: above 1 is beyond the tolerance. */
    public double ratio(int i) {
        double allowed = allowed(i);
        double diff = absDiff(i);
        return allowed > 0 ? diff / allowed : (diff > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /** How many elements have {@code verdict}. */
    public int count(Verdict verdict) {
        int n = 0;
        for (Verdict v : verdicts) {
            n += v == verdict ? 1 : 0;
        }
        return n;
    }

    private Verdict classify(int i) {
        double a = analytic(i);
        double n = numeric(i);
        if (!Double.isFinite(a) || !Double.isFinite(n)) {
            return Verdict.NON_FINITE;
        }
        return tolerance.allows(a, n, roundingFloor) ? Verdict.OK : Verdict.BEYOND;
    }
}
