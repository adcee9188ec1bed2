package dev.gradcheck.check;

/**
 * How a {@link GradientCheck} runs.
 *
 * @param h                  step of the central difference; the book's 1e-4 by default
 * @param tolerance          the element-wise verdict
 * @param maxSkippedFraction largest share of a tensor's elements that may be skipped as kinks
 *                           before the tensor fails for lack of evidence
 * @param stencil            the finite-difference formula; the book's 2-point central difference by default
 * @param mode               how numerical gradients are computed ({@link CheckMode#AUTO} by default)
 * @param threads            threads for the fast and incremental modes; results do not depend on it
 * @param samplesPerTensor   elements checked per tensor in {@link CheckMode#SAMPLED} mode
 * @param directions         random directions per tensor in {@link CheckMode#DIRECTIONAL} mode
 * @param seed               seed of the sampled elements and directions
 */
public record CheckOptions(double h, Tolerance tolerance, double maxSkippedFraction, Stencil stencil, CheckMode mode,
                           int threads, int samplesPerTensor, int directions, long seed) {

    /** The book's step. Smaller steps lose digits to rounding (about ε·|L|/h), larger ones to truncation (h²·L'''/6). */
    public static final double DEFAULT_H = 1e-4;

    /** Elements per tensor in sampled mode unless told otherwise. */
    public static final int DEFAULT_SAMPLES = 100;

    public CheckOptions {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("step h must be positive and finite, got " + h);
        }
        if (!(maxSkippedFraction >= 0 && maxSkippedFraction <= 1)) {
            throw new IllegalArgumentException("maxSkippedFraction must be in [0, 1], got " + maxSkippedFraction);
        }
        if (tolerance == null || stencil == null || mode == null) {
            throw new IllegalArgumentException("tolerance, stencil and mode must be given (defaults: Tolerance.DEFAULT, "
                    + "Stencil.CENTRAL_2, CheckMode.AUTO)");
        }
        if (threads < 1 || samplesPerTensor < 1 || directions < 1) {
            throw new IllegalArgumentException("threads, samplesPerTensor and directions must be positive, got "
                    + threads + ", " + samplesPerTensor + ", " + directions);
        }
    }

    /** Options with the given verdict: the book's central difference, {@link CheckMode#AUTO}, default threads. */
    public CheckOptions(double h, Tolerance tolerance, double maxSkippedFraction) {
        this(h, tolerance, maxSkippedFraction, Stencil.CENTRAL_2, CheckMode.AUTO, defaultThreads(), DEFAULT_SAMPLES, 1, 42);
    }

    /** h = 1e-4, {@link Tolerance#DEFAULT}, at most half of a tensor skipped, {@link Stencil#CENTRAL_2}, {@link CheckMode#AUTO}. */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_H, Tolerance.DEFAULT, 0.5);
    }

    /** One thread per processor, at most 8. */
    public static int defaultThreads() {
        return Math.min(Runtime.getRuntime().availableProcessors(), 8);
    }

    public CheckOptions withH(double newH) {
        return new CheckOptions(newH, tolerance, maxSkippedFraction, stencil, mode, threads, samplesPerTensor, directions, seed);
    }

    public CheckOptions withTolerance(Tolerance newTolerance) {
        return new CheckOptions(h, newTolerance, maxSkippedFraction, stencil, mode, threads, samplesPerTensor, directions, seed);
    }

    public CheckOptions withMaxSkippedFraction(double fraction) {
        return new CheckOptions(h, tolerance, fraction, stencil, mode, threads, samplesPerTensor, directions, seed);
    }

    public CheckOptions withStencil(Stencil newStencil) {
        return new CheckOptions(h, tolerance, maxSkippedFraction, newStencil, mode, threads, samplesPerTensor, directions, seed);
    }

    public CheckOptions withMode(CheckMode newMode) {
        return new CheckOptions(h, tolerance, maxSkippedFraction, stencil, newMode, threads, samplesPerTensor, directions, seed);
    }

    public CheckOptions withThreads(int newThreads) {
        return new CheckOptions(h, tolerance, maxSkippedFraction, stencil, mode, newThreads, samplesPerTensor, directions, seed);
    }

    /** Sampled mode with {@code perTensor} elements of every tensor. */
    public CheckOptions sampled(int perTensor) {
        return new CheckOptions(h, tolerance, maxSkippedFraction, stencil, CheckMode.SAMPLED, threads, perTensor, directions, seed);
    }

    /** Directional mode with {@code count} random directions per tensor. */
    public CheckOptions directional(int count) {
        return new CheckOptions(h, tolerance, maxSkippedFraction, stencil, CheckMode.DIRECTIONAL, threads, samplesPerTensor, count,
                seed);
    }

    public CheckOptions withSeed(long newSeed) {
        return new CheckOptions(h, tolerance, maxSkippedFraction, stencil, mode, threads, samplesPerTensor, directions, newSeed);
    }
}
