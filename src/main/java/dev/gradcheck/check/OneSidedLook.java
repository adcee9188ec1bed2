package dev.gradcheck.check;


/**
 * The last look of {@link KinkAnalysis} at an element whose central differences disagreed with A at
 * every step: the derivative from each side alone, by the second-order one-sided difference
 * {@code E(s) = (-3·f(w) + 4·f(w ± s/2) - f(w ± s)) / (±s)} (error about s²·f'''/12, like the central
 * difference's), which never straddles w.
 *
 * <p>At steps s = h and h/16 (each compared with the same side at s/16):
 * <ul>
 *   <li>the two sides must disagree beyond their tolerance: evidence of a kink within s (at a smooth
 *       point both sides converge to the same derivative, so this look never applies there);</li>
 *   <li>a side is <em>clean</em> when its estimate at s agrees with its estimate at s/16: no kink lies
 *       between w and w ± s on it;</li>
 *   <li>both sides clean: the kink is at w itself, where no derivative exists; the element is a
 *       <em>kink</em>, skipped;</li>
 *   <li>one side clean and A agrees with it: the kink lies on the other side, off w, and the derivative
 *       at w is that side's; the element is <em>rechecked</em> and passes on that side's estimate.</li>
 * </ul>
 * The rounding allowance of E(s) is (3 + 4 + 1)/2 = 4 times the loss rounding over s/2, i.e.
 * {@code 8·h/s} times the verdict's at h. A wrong A is not excused: where both sides agree there is no
 * kink and no verdict changes, and where they differ A must match the clean side within the tolerance.
 */
final class OneSidedLook {

    /** The coarsest step of the look is h; each next one is smaller by this. */
    private static final double SHRINK = 16;

    /** Steps looked at: h and h/16 (each checked against the next, h/16 and h/256). */
    private static final int LEVELS = 2;

    private OneSidedLook() {
    }

    /** A kink or rechecked result, or null when neither side settles the element (a real mismatch). */
    static KinkAnalysis.Result analyse(ElementLoss f, double[] w, int i, double h, double f0, double analytic,
                                       Tolerance tolerance, double roundingFloor) {
        double s = h;
        for (int level = 0; level < LEVELS; level++, s /= SHRINK) {
            double noise = 8 * roundingFloor * h / s;
            double fineNoise = noise * SHRINK;
            double left = estimate(f, w, i, f0, -1, s), right = estimate(f, w, i, f0, 1, s);
            if (!(Math.abs(left - right) > tolerance.bound(left, noise) + tolerance.bound(right, noise))) {
                continue;
            }
            boolean leftClean = clean(left, estimate(f, w, i, f0, -1, s / SHRINK), tolerance, noise, fineNoise);
            boolean rightClean = clean(right, estimate(f, w, i, f0, 1, s / SHRINK), tolerance, noise, fineNoise);
            if (leftClean && rightClean) {
                return new KinkAnalysis.Result(KinkAnalysis.Outcome.KINK, (left + right) / 2, noise);
            }
            if (leftClean && tolerance.allows(analytic, left, noise)) {
                return new KinkAnalysis.Result(KinkAnalysis.Outcome.RECHECKED, left, noise);
            }
            if (rightClean && tolerance.allows(analytic, right, noise)) {
                return new KinkAnalysis.Result(KinkAnalysis.Outcome.RECHECKED, right, noise);
            }
        }
        return null;
    }

    /** Whether a side's estimates at s and s/16 agree within both their tolerances. */
    private static boolean clean(double coarse, double fine, Tolerance tolerance, double noise, double fineNoise) {
        return Math.abs(coarse - fine) <= tolerance.bound(coarse, noise) + tolerance.bound(fine, fineNoise);
    }

    /**
     * The second-order one-sided derivative at w from the side {@code direction} (+1 right, -1 left),
     * over the points w, w ± s/2, w ± s as actually represented: the derivative at w of the parabola
     * through them.
     */
    private static double estimate(ElementLoss f, double[] w, int i, double f0, int direction, double s) {
        double saved = w[i];
        double a = (saved + direction * s / 2) - saved;
        double b = (saved + direction * s) - saved;
        double fa = f.at(i, saved + a);
        double fb = f.at(i, saved + b);
        return -f0 * (a + b) / (a * b) + fa * b / (a * (b - a)) - fb * a / (b * (b - a));
    }
}
