package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;

/**
 * The last layer of a net: scores and labels in, a scalar loss out. {@code backward(dout)} returns
 * dL/dx for the loss scaled by {@code dout}; the book starts backpropagation with dout = 1.
 */
public interface LossLayer {

    /** @param x scores (N, classes); not modified. @param t labels for the N rows. @return the loss. */
    double forward(Tensor x, Labels t);

    /** @return dL/dx times {@code dout}, shaped like forward's x. */
    Tensor backward(double dout);

    /** {@code backward(1)}, as the book calls it. */
    default Tensor backward() {
        return backward(1.0);
    }

    /** Name used in reports. */
    default String name() {
        return LayerNames.of(this);
    }
}
