package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;

/**
 * A tensor the checker perturbs in place: an input of the unit or one of its parameters.
 *
 * @param name  key in reports and in the analytic gradient map ({@code x}, {@code W1})
 * @param value the live tensor the unit reads on every {@link Checkable#loss()}
 * @param kind  whether it is an input or a parameter
 */
public record Variable(String name, Tensor value, Kind kind) {

    /** What role the tensor plays in the unit. */
    public enum Kind { INPUT, PARAMETER }

    public static Variable input(String name, Tensor value) {
        return new Variable(name, value, Kind.INPUT);
    }

    public static Variable parameter(String name, Tensor value) {
        return new Variable(name, value, Kind.PARAMETER);
    }
}
