package dev.gradcheck.check;

/**
 * How a {@link GradientCheck} runs.
 *
 * @param h                  step of the central difference; the book's 1e-4 by default
 * @param tolerance          the element-wise verdict
 * @param maxSkippedFraction largest share of a tensor's elements that may be skipped as kinks
 *                           before the tensor fails for lack of evidence
 * @param stencil            the finite-difference formula; the book's 2-point central difference by default
 */
public record CheckOptions(double h, Tolerance tolerance, double maxSkippedFraction, Stencil stencil) {

    /** The book's step. Smaller steps lose digits to rounding (about ε·|L|/h), larger ones to truncation (h²·L'''/6). */
    public static final double DEFAULT_H = 1e-4;

    public CheckOptions {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("step h must be positive and finite, got " + h);
        }
        if (!(maxSkippedFraction >= 0 && maxSkippedFraction <= 1)) {
            throw new IllegalArgumentException("maxSkippedFraction must be in [0, 1], got " + maxSkippedFraction);
        }
        if (stencil == null) {
            throw new IllegalArgumentException("stencil must not be null (Stencil.CENTRAL_2 is the book's)");
        }
    }

    /** Options with the book's 2-point central difference. */
    public CheckOptions(double h, Tolerance tolerance, double maxSkippedFraction) {
        this(h, tolerance, maxSkippedFraction, Stencil.CENTRAL_2);
    }

    /** h = 1e-4, {@link Tolerance#DEFAULT}, at most half of a tensor skipped, {@link Stencil#CENTRAL_2}. */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_H, Tolerance.DEFAULT, 0.5);
    }

    public CheckOptions withH(double newH) {
        return new CheckOptions(newH, tolerance, maxSkippedFraction, stencil);
    }

    public CheckOptions withTolerance(Tolerance newTolerance) {
        return new CheckOptions(h, newTolerance, maxSkippedFraction, stencil);
    }

    public CheckOptions withMaxSkippedFraction(double fraction) {
        return new CheckOptions(h, tolerance, fraction, stencil);
    }

    public CheckOptions withStencil(Stencil newStencil) {
        return new CheckOptions(h, tolerance, maxSkippedFraction, newStencil);
    }
}
