package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;

/**
 * A layer with two inputs of the same shape, like the book's multiplication and addition nodes.
 * Same rules as {@link Layer}: arguments unmodified, new tensors returned.
 */
public interface BinaryLayer {

    /** @param x first input; not modified. @param y second input, shaped like x; not modified. */
    Tensor forward(Tensor x, Tensor y);

    /** @param dout dL/d(out); not modified. @return dL/dx and dL/dy. */
    BinaryGradients backward(Tensor dout);

    /** Name used in reports. */
    default String name() {
        return LayerNames.of(this);
    }
}
