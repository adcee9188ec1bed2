package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;

/**
 * A loss whose target is a tensor shaped like its prediction: predictions y and targets t in, a
 * scalar loss out, such as the mean squared error {@code ½·Σ (y - t)² / N} (the book's
 * {@code mean_squared_error}, §4.2) or a cross-entropy with soft targets. {@code backward(dout)}
 * returns dL/dy scaled by {@code dout}. Same rules as {@link Layer}: arguments unmodified, a new
 * tensor returned, forward deterministic. The loss layers with class labels are {@link LossLayer}s.
 */
public interface TargetLossLayer {

    /** @param y predictions; not modified. @param t targets, shaped like y; not modified. @return the loss. */
    double forward(Tensor y, Tensor t);

    /** @return dL/dy times {@code dout}, shaped like forward's y; a new tensor. */
    Tensor backward(double dout);

    /** {@code backward(1)}, where backpropagation starts. */
    default Tensor backward() {
        return backward(1.0);
    }

    /** Name used in reports. */
    default String name() {
        return LayerNames.of(this);
    }
}
