package dev.gradcheck.check;

import java.util.Locale;

/**
 * How far an analytic gradient element A may be from the numerical one N:
 * {@code |A - N| <= atol + rtol·|N| + rounding·ulp(S)/h}. A NaN on either side never passes.
 *
 * <p>The third term is the rounding that no central difference escapes: each loss evaluation
 * carries an error of a few ulps of the magnitude S of the terms it sums
 * ({@link Checkable#lossScale()}), and the difference divides it by the step h. It lets the
 * other two terms stay tight for any scale of inputs.
 *
 * <p>With {@code truncation > 0} the verdict adapts to the function: each element is also allowed
 * {@code truncation·|T|}, where T is the element's own truncation error predicted from the stencil
 * at h and at 2h ({@link PredictedBound}). {@link #predicted()} uses that term alone, with no rtol.
 *
 * @param atol       absolute part, for elements whose gradient is near zero
 * @param rtol       relative part, for elements whose gradient is large
 * @param rounding   ulps of the loss scale allowed for rounding, divided by h
 * @param truncation multiples of each element's predicted truncation error allowed; 0 (the default) turns it off
 */
public record Tolerance(double atol, double rtol, double rounding, double truncation) {

    /** The default verdict; see the README's calibration section for how it was chosen. */
    public static final Tolerance DEFAULT = new Tolerance(1e-12, 1e-7, 256);

    /** The predicted-bound verdict {@code |A - N| <= 4·|T| + 256·ulp(S)/h}; see the README's numerics section. */
    public static final Tolerance PREDICTED = new Tolerance(0, 0, 256, 4);

    public Tolerance {
        requireNonNegative("atol", atol);
        requireNonNegative("rtol", rtol);
        requireNonNegative("rounding", rounding);
        requireNonNegative("truncation", truncation);
    }

    /** A fixed verdict, without the predicted truncation term. */
    public Tolerance(double atol, double rtol, double rounding) {
        this(atol, rtol, rounding, 0);
    }

    /** The verdict that adapts to the function: {@link #PREDICTED}. */
    public static Tolerance predicted() {
        return PREDICTED;
    }

    /** A tolerance with only the absolute and relative parts, as PyTorch's allclose. */
    public static Tolerance of(double atol, double rtol) {
        return new Tolerance(atol, rtol, 0);
    }

    /** The rounding allowance of a check whose loss has magnitude {@code lossScale}, at step {@code h}. */
    public double roundingFloor(double lossScale, double h) {
        return rounding * Math.ulp(Math.abs(lossScale)) / h;
    }

    /** The largest |A - N| allowed at numerical value {@code numeric}, given the rounding floor. */
    public double bound(double numeric, double roundingFloor) {
        return atol + rtol * Math.abs(numeric) + roundingFloor;
    }

    /** Whether the element passes; false if either value is NaN or infinite. */
    public boolean allows(double analytic, double numeric, double roundingFloor) {
        return Math.abs(analytic - numeric) <= bound(numeric, roundingFloor);
    }

    @Override
    public String toString() {
        String fixed = String.format(Locale.ROOT, "|A - N| <= %.0e + %.0e·|N| + %s·ulp(S)/h", atol, rtol, trim(rounding));
        return truncation == 0 ? fixed : fixed + " + " + trim(truncation) + "·|T| (T the predicted truncation error)";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("tolerance " + name + " must be finite and >= 0, got " + value);
        }
    }
}
