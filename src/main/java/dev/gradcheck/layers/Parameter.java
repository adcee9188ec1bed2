package dev.gradcheck.layers;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;

/**
 * A named, trainable tensor and the gradient that the last backward pass set for it.
 *
 * <p>The one object that a net's {@code params}, the layer using it, the optimiser and the
 * gradient checker all share: what the book achieves by aliasing numpy arrays, written down.
 * The value is updated in place; the gradient is replaced, never accumulated.
 */
public final class Parameter {

    /** Key such as {@code W1} or {@code b}. */
    private final String name;

    /** Current value, updated in place by optimisers and perturbed by the numerical gradient. */
    private final Tensor value;

    /** Gradient of the loss set by the last backward pass, or null before the first one. */
    private Tensor grad;

    public Parameter(String name, Tensor value) {
        this.name = name;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    /** The gradient from the last backward pass; fails if backward has not run yet. */
    public Tensor grad() {
        if (grad == null) {
            throw new IllegalStateException("no gradient for " + name + " yet: call backward first");
        }
        return grad;
    }

    /** Whether a backward pass has set a gradient. */
    public boolean hasGrad() {
        return grad != null;
    }

    /** Replaces the gradient; it must have the value's shape. */
    public void setGrad(Tensor grad) {
        if (!grad.sameShape(value)) {
            throw new ShapeException("gradient for " + name + " has shape " + grad.shapeString()
                    + " but " + name + " has shape " + value.shapeString());
        }
        this.grad = grad;
    }

    @Override
    public String toString() {
        return name + value.shapeString();
    }
}
