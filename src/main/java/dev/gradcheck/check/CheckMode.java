package dev.gradcheck.check;

/**
 * How {@link GradientCheck} computes numerical gradients. Every mode compares the same central
 * difference {@code (L(w + h) - L(w - h)) / 2h}; they differ in how each L is evaluated and in
 * how many elements are compared.
 */
public enum CheckMode {
    /** The fastest full mode the unit supports: incremental, else fast, else plain. */
    AUTO,
    /** Every element; every loss by the unit's own {@link Checkable#loss()}, the variable perturbed in place. One thread. */
    PLAIN,
    /**
     * Every element; every loss recomputed in full in reusable buffers on each thread's own copy of
     * the variables ({@link FastCheckable#faithfulLoss()}): the bits of PLAIN, for any thread count.
     */
    FAST,
    /**
     * Every element; each loss recomputes only what the perturbed element touches
     * ({@link FastCheckable#incrementalLoss()}), equal to the full loss up to rounding; a sample of
     * elements is compared with full recomputation on every run.
     */
    INCREMENTAL,
    /**
     * Per tensor, random unit directions u: the directional derivative from two forward passes
     * against the backward's projection {@code A·u}. A failing tensor is then checked element by
     * element, so the report still names the bad elements.
     */
    DIRECTIONAL,
    /** A seeded sample of elements of every tensor (biases too); the report gives the coverage. */
    SAMPLED
}
