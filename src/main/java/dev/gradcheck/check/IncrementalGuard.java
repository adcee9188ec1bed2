package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Keeps the incremental mode honest: on a few elements of every variable, the incremental loss at
 * {@code w ± h} is compared with the loss recomputed in full. They may differ by rounding only; a
 * layer whose workspace describes its changes wrongly is reported as a contract breach.
 *
 * <p>Half of the elements are drawn among those whose analytic gradient is non-zero, so the
 * perturbation reaches the loss and the comparison means something; half among all elements.
 */
final class IncrementalGuard {

    /** Elements compared per variable. */
    static final int SAMPLES = 6;

    /**
     * Largest allowed |incremental - full|, in ulps of the loss scale. Rank-one updates round
     * differently from the full product: TwoLayerNet(784, 50 or 200, 10) on 3 or 30 images, two
     * seeds, 5,000 elements per tensor at w ± h, showed at most 2 ulps (and differed at all in
     * fewer than 0.2% of the evaluations). 64 leaves a 32× margin while staying a quarter of the
     * verdict's rounding allowance. The scale is the larger of the base point's loss scale and the
     * perturbed loss itself: where w is small next to h (shrunk property cases), the perturbation
     * alone can make the loss larger than the base point's terms.
     */
    static final double ULPS = 64;

    /**
     * Also allowed, relative to the change the perturbation makes to the loss: where a layer's output
     * is a difference of larger terms (x·W cancelled by b), both evaluations round at the terms'
     * magnitude, which the output-based loss scale does not see. A layer that describes its changes
     * wrongly is off by the order of the change itself, a million times more.
     */
    static final double CHANGE_FRACTION = 1e-9;

    private IncrementalGuard() {
    }

    /** The first disagreement found, as a problem, or null. */
    static Problem verify(String unit, List<Variable> variables, List<Tensor> analytic, PerturbedLoss incremental,
                          PerturbedLoss full, double h, double lossScale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int v = 0; v < variables.size(); v++) {
            double[] w = variables.get(v).value().data();
            int[] nonZero = nonZero(analytic.get(v).data());
            for (int k = 0; k < SAMPLES; k++) {
                int i = k % 2 == 0 && nonZero.length > 0 ? nonZero[random.nextInt(nonZero.length)] : random.nextInt(w.length);
                double base = full.lossWith(v, i, w[i]);
                for (double value : new double[] {w[i] + h, w[i] - h}) {
                    double fast = incremental.lossWith(v, i, value);
                    double exact = full.lossWith(v, i, value);
                    double allowed = ULPS * Math.ulp(Math.max(lossScale, Math.max(Math.abs(fast), Math.abs(exact))))
                            + CHANGE_FRACTION * Math.abs(exact - base);
                    if (!(Math.abs(fast - exact) <= allowed) && !(Double.isNaN(fast) && Double.isNaN(exact))) {
                        return new Problem(FailureCategory.CONTRACT_BREACH, String.format(Locale.ROOT,
                                "%s: the incremental loss with %s%s = %s is %.17g but recomputing it in full gives %.17g "
                                        + "(more than %.3g apart, the rounding allowed): a layer describes its changes "
                                        + "wrongly; run the check in fast mode", unit, variables.get(v).name(),
                                variables.get(v).value().indexString(i), value, fast, exact, allowed));
                    }
                }
            }
        }
        return null;
    }

    private static int[] nonZero(double[] a) {
        int count = 0;
        for (double x : a) {
            count += x != 0 ? 1 : 0;
        }
        int[] idx = new int[count];
        for (int i = 0, k = 0; i < a.length; i++) {
            if (a[i] != 0) {
                idx[k++] = i;
            }
        }
        return idx;
    }
}
