package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The directional check of one tensor (PyTorch's fast mode, Chainer's {@code check_backward}):
 * along a random unit direction u, the central difference {@code (L(w + h·u) - L(w - h·u)) / 2h}
 * from two forward passes against the backward's projection {@code A·u}.
 *
 * <p>Both sides use the displacement actually evaluated, {@code d = (w + h·u) - (w - h·u)} as
 * rounded to doubles: {@code (L+ - L-) / 2h} against {@code Σ A_i·d_i / 2h}.
 *
 * <p>The tolerance is the element-wise one, scaled for a projection. The direction is
 * {@code u = g/|g|} with g standard normal, drawn independently of the error vector
 * {@code e = N - A}, so {@code e·g} is normal with standard deviation {@code |e|₂}, whatever the
 * signs of e. If every element were within its tolerance {@code t_i = atol + rtol·|A_i|}, then
 * {@code |e·u| <= K·|t|₂/|g|} but with probability {@code P(|z| > K)}: 2e-9 for K = 6. The rounding
 * of the two loss evaluations is added as in the element-wise verdict. The worst-case bound
 * {@code Σ |u_i|·t_i} would never fail a correct unit, but it is √n times looser and would let a
 * backward wrong by a relative 1e-5 through on the book's W1; this one catches a relative error of
 * about {@code K·rtol/|z|} ≈ 1e-6 on every element. A single wrong element escapes a direction
 * unless its error exceeds about {@code K·|t|₂}: that is the price of checking n elements with two
 * forward passes, and why a failing direction escalates to the element-wise check.
 */
final class DirectionalCheck {

    /** Standard deviations of {@code e·u} allowed: a correct unit fails a direction with probability 2e-9. */
    static final double K = 6;

    private DirectionalCheck() {
    }

    /** Checks {@code variable} along {@code options.directions()} directions; the variable is restored from {@code original}. */
    static TensorReport check(Checkable unit, Variable variable, int index, Tensor original, Tensor analytic,
                              double roundingFloor, CheckOptions options) {
        double h = options.h();
        Tolerance tolerance = options.tolerance();
        double[] w = variable.value().data();
        double[] w0 = original.data();
        double[] a = analytic.data();
        double[] u = new double[w.length];
        int failures = 0;
        double sumAbs = 0, maxAbs = 0, maxRel = 0, worstRatio = -1, analyticAtWorst = Double.NaN, numericAtWorst = Double.NaN;
        for (int d = 0; d < options.directions(); d++) {
            double norm = direction(u, new SplittableRandom(options.seed() * 1_000_003L + 31L * index + d));
            double plus, minus;
            try {
                for (int i = 0; i < w.length; i++) {
                    w[i] = w0[i] + h * u[i];
                }
                plus = unit.loss();
                for (int i = 0; i < w.length; i++) {
                    w[i] = w0[i] - h * u[i];
                }
                minus = unit.loss();
            } finally {
                System.arraycopy(w0, 0, w, 0, w.length);
            }
            double projection = 0, sumSquares = 0;
            for (int i = 0; i < w.length; i++) {
                double step = ((w0[i] + h * u[i]) - (w0[i] - h * u[i])) / (2 * h);
                projection += a[i] * step;
                double t = tolerance.atol() + tolerance.rtol() * Math.abs(a[i]);
                sumSquares += t * t;
            }
            double bound = K * Math.sqrt(sumSquares) / norm;
            double numeric = (plus - minus) / (2 * h);
            double diff = Math.abs(projection - numeric);
            boolean ok = diff <= bound + roundingFloor;
            failures += ok ? 0 : 1;
            double shown = Double.isFinite(diff) ? diff : Double.POSITIVE_INFINITY;
            sumAbs += shown;
            maxAbs = Math.max(maxAbs, shown);
            maxRel = Math.max(maxRel, shown / Math.max(Math.max(Math.abs(projection), Math.abs(numeric)), TensorReport.RELATIVE_FLOOR));
            double ratio = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / (bound + roundingFloor);
            if (ratio > worstRatio) {
                worstRatio = ratio;
                analyticAtWorst = projection;
                numericAtWorst = numeric;
            }
        }
        Tensor none = Tensor.zerosLike(analytic);
        Arrays.fill(none.data(), Double.NaN);
        int n = options.directions();
        return new TensorReport(variable.name(), variable.kind(), analytic.shape(), n, 0, 0, failures, sumAbs / n, maxAbs,
                maxRel, -1, analyticAtWorst, numericAtWorst, -1, analytic, none, options.maxSkippedFraction(),
                TensorReport.DIRECTIONAL, 0);
    }

    /** Fills u with a standard normal vector g scaled to unit length; returns |g|. */
    private static double direction(double[] u, SplittableRandom random) {
        double norm = 0;
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextGaussian();
            norm += u[i] * u[i];
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < u.length; i++) {
            u[i] *= scale;
        }
        return Math.sqrt(norm);
    }
}
