package dev.gradcheck.check;

/**
 * A {@link Checkable} that can evaluate its scalar at a perturbed point without perturbing its live
 * variables, which is what the fast modes of {@link GradientCheck} need (see {@link CheckMode}).
 * Each evaluator is made for one thread and captures the variables' values at that moment.
 */
public interface FastCheckable extends Checkable {

    /**
     * An evaluator that recomputes the whole scalar in reusable buffers, from its own copies of the
     * variables: the bits of {@link #loss()} at the same values.
     */
    PerturbedLoss faithfulLoss();

    /**
     * An evaluator that recomputes only what one perturbed element touches (forward arithmetic
     * only; equal to {@link #loss()} up to rounding), or null if the unit cannot.
     */
    PerturbedLoss incrementalLoss();

    /** Whether evaluators may run on several threads at once (each on its own evaluator). */
    boolean parallel();
}
