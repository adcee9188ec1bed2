package dev.gradcheck.check;

/**
 * A second look at an element whose central difference at step h disagrees with the analytic value
 * A, to tell a real mismatch from a step that does not resolve the function there: a kink (a point
 * where the function is not differentiable, such as ReLU at 0) inside [w - h, w + h], or curvature
 * strong enough that the truncation error (about h² times the third derivative, over 6) exceeds
 * the tolerance.
 *
 * <p>The step is shrunk by 16, twice. At each smaller step s:
 * <ul>
 *   <li><em>rechecked</em>: the central difference moved by more than half its distance from A
 *       at h (so h did not resolve the function here) and now agrees with A within the tolerance,
 *       whose rounding allowance grows by h/s as the rounding does. The element passes on the
 *       sharper estimate. A wrong A at a smooth, well-resolved point cannot pass this way: there
 *       the estimate does not move, it only gains rounding, far less than the mismatch.</li>
 *   <li><em>kink</em>: the one-sided differences {@code (f(w+s) - f(w))/s} and {@code (f(w) - f(w-s))/s}
 *       still disagree by more than the tolerance and did not shrink with the step as a smooth
 *       function's would (by 16): the element sits on a point where no derivative exists, so no
 *       analytic value can be right or wrong there. It is skipped and counted. (A is not required
 *       to lie between the one-sided slopes: an element tied in two overlapping max-pooling windows
 *       has slopes 0 and R_A + R_B, and first-on-ties routing rightly gives it R_A.)</li>
 * </ul>
 * Otherwise a last look from each side alone ({@link OneSidedLook}) settles a kink that lies on one
 * side of w closer than the smallest step (the central differences straddle it at every step), or
 * exactly at w with a jump too small for the gap to stand out at h/16. Otherwise the mismatch is
 * real. Only forward evaluations are used.
 */
final class KinkAnalysis {

    /** How the element was classified. */
    enum Outcome { RECHECKED, KINK, MISMATCH }

    /**
     * The classification, the numerical value to report for the element, and the rounding allowance
     * that value carries (the tolerance's at h, grown by h/s at the step s it came from).
     */
    record Result(Outcome outcome, double numeric, double roundingFloor) {
    }

    /** Each level divides the step by this. */
    private static final double SHRINK = 16;

    /** Levels of shrinking: h/16 and h/256 settle kinks of piecewise-linear layers at any distance. */
    private static final int LEVELS = 2;

    private KinkAnalysis() {
    }

    /**
     * Classifies element i. {@code roundingFloor} is the tolerance's rounding allowance at step h; at
     * a smaller step s the rounding of the difference grows by h/s, and the allowance with it.
     */
    static Result analyse(ElementLoss f, double[] w, int i, double h, double f0, double analytic, double numericAtH,
                          Tolerance tolerance, double roundingFloor) {
        double saved = w[i];
        double gap = oneSidedGap(f, i, saved, h, f0);
        double numeric = Double.NaN;
        double s = h;
        for (int level = 0; level < LEVELS; level++) {
            s /= SHRINK;
            double noise = roundingFloor * h / s;
            double fPlus = f.at(i, saved + s);
            double fMinus = f.at(i, saved - s);
            numeric = (fPlus - fMinus) / ((saved + s) - (saved - s));
            boolean moved = Math.abs(numeric - numericAtH) > Math.abs(analytic - numericAtH) / 2;
            if (moved && tolerance.allows(analytic, numeric, noise)) {
                return new Result(Outcome.RECHECKED, numeric, noise);
            }
            double right = (fPlus - f0) / ((saved + s) - saved);
            double left = (f0 - fMinus) / (saved - (saved - s));
            double smallGap = Math.abs(right - left);
            double bound = tolerance.bound(numeric, noise);
            if (smallGap > gap / 4 && smallGap > 2 * bound + 2 * noise) {
                return new Result(Outcome.KINK, numeric, noise);
            }
            gap = smallGap;
        }
        Result oneSided = OneSidedLook.analyse(f, w, i, h, f0, analytic, tolerance, roundingFloor);
        return oneSided != null ? oneSided : new Result(Outcome.MISMATCH, numeric, roundingFloor);
    }

    /** |right one-sided difference − left one-sided difference| at step s. */
    private static double oneSidedGap(ElementLoss f, int i, double saved, double s, double f0) {
        double right = (f.at(i, saved + s) - f0) / ((saved + s) - saved);
        double left = (f0 - f.at(i, saved - s)) / (saved - (saved - s));
        return Math.abs(right - left);
    }
}
