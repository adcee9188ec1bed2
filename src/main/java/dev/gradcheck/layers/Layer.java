package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import java.util.List;

/**
 * A layer with one input: {@code forward} computes the output and keeps what backward needs;
 * {@code backward} takes dL/d(out) and returns dL/dx, setting each parameter's gradient.
 *
 * <p>Rules every implementation keeps (the checker verifies them): arguments are never modified,
 * returned tensors are new, forward is deterministic, and backward <em>sets</em> the parameter
 * gradients (as the book does) rather than accumulating them. Book §5.4–5.6.
 */
public interface Layer {

    /** @param x input; not modified. @return a new tensor. */
    Tensor forward(Tensor x);

    /** @param dout dL/d(out), shaped like forward's output; not modified. @return dL/dx, shaped like x. */
    Tensor backward(Tensor dout);

    /** Trainable parameters in a fixed order; empty for layers without any. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Name used in reports. */
    default String name() {
        return LayerNames.of(this);
    }
}
