package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;

/** What a {@link BinaryLayer}'s backward returns: dL/dx and dL/dy. */
public record BinaryGradients(Tensor dx, Tensor dy) {
}
