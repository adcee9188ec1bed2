package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;

/**
 * The truncation error each element's numerical derivative may legitimately carry, predicted from
 * the function itself: a stencil of order p gives {@code D(h) = f' + C·h^p + ...}, so the same stencil
 * at 2h differs by {@code (2^p - 1)·C·h^p} and {@code T = (D(2h) - D(h)) / (2^p - 1)} estimates the
 * error of D(h). For the book's central difference that is {@code (D(2h) - D(h)) / 3 ≈ h²·f'''/6}: the
 * difference between the 2-point and 4-point stencils, an estimate of the third derivative.
 *
 * <p>Costs one more numerical gradient at 2h, and only when {@link Tolerance#truncation()} is not 0.
 * Near a kink the estimate is large (D(2h) straddles it) and says honestly that the step does not
 * resolve the function there.
 */
final class PredictedBound {

    private PredictedBound() {
    }

    /**
     * {@code truncation·|T|} per element from the estimates at h ({@code fine}) and at 2h
     * ({@code coarse}, the same stencil), or null when the tolerance has no truncation term.
     */
    static double[] allowance(Tensor fine, Tensor coarse, CheckOptions options) {
        double factor = options.tolerance().truncation();
        if (factor == 0 || fine == null || coarse == null) {
            return null;
        }
        double scale = factor / (Math.pow(2, options.stencil().order()) - 1);
        double[] f = fine.data();
        double[] c = coarse.data();
        double[] allowance = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            allowance[i] = scale * Math.abs(c[i] - f[i]);
        }
        return allowance;
    }
}
