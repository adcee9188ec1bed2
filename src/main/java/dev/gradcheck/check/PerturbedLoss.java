package dev.gradcheck.check;

/**
 * A unit's scalar with one element of one variable set to a new value, every other element at its
 * value when the evaluator was made. One evaluator serves one thread.
 */
@FunctionalInterface
public interface PerturbedLoss {

    /** The scalar with element {@code index} of variable {@code variable} (in {@link Checkable#variables()} order) set to {@code value}. */
    double lossWith(int variable, int index, double value);
}
