package dev.gradcheck.check;

import java.util.function.DoubleSupplier;

/** A unit's scalar as a function of one element of one tensor, every other element unchanged. */
@FunctionalInterface
interface ElementLoss {

    /** The scalar with element {@code i} set to {@code value}. */
    double at(int i, double value);

    /** {@code f} evaluated with element i of {@code values} set in place, then restored. */
    static ElementLoss inPlace(DoubleSupplier f, double[] values) {
        return (i, value) -> NumericalGradient.valueAt(f, values, i, value);
    }

    /** Variable {@code variable} of an evaluator. */
    static ElementLoss of(PerturbedLoss loss, int variable) {
        return (i, value) -> loss.lossWith(variable, i, value);
    }
}
