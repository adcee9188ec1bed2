package dev.gradcheck.testkit;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.tensor.Tensor;
import org.apiguardian.api.API;

/**
 * A generated two-input layer (MulLayer, AddLayer) at generated inputs x and y of one shape.
 *
 * @param layer          the layer
 * @param x              first input
 * @param y              second input, shaped like x
 * @param projectionSeed seed of the random projection R that reduces the output to a scalar
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BinaryLayerCase(BinaryLayer layer, Tensor x, Tensor y, long projectionSeed) {

    /** This case for {@link dev.gradcheck.check.GradientCheck}: x and y are checked. */
    public Checkable checkable() {
        return Checkable.of(layer, x, y, projectionSeed);
    }

    /** Shape of the inputs, and of the output of an element-wise layer. */
    public Shape shape() {
        return Shape.of(x.shape());
    }

    /** {@code MulLayer: x (1, 1) [[0.5]], y (1, 1) [[0.0]], projection seed 0}. */
    @Override
    public String toString() {
        return layer.name() + ": " + CaseFormat.named("x", x) + ", " + CaseFormat.named("y", y)
                + ", projection seed " + projectionSeed;
    }
}
