package dev.gradcheck.testkit;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import org.apiguardian.api.API;

/**
 * A generated one-input layer (with its parameters) at a generated input: what a property about
 * Relu, Sigmoid or Affine receives. Its toString shows every shape and value, so a failing
 * property reports the whole shrunk case.
 *
 * @param layer          the layer; its parameters hold generated values
 * @param x              the input
 * @param projectionSeed seed of the random projection R that reduces the output to a scalar
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LayerCase(Layer layer, Tensor x, long projectionSeed) {

    /** This case for {@link dev.gradcheck.check.GradientCheck}: x and every parameter are checked. */
    public Checkable checkable() {
        return Checkable.of(layer, x, projectionSeed);
    }

    /** Shape of the layer's output at x; runs forward on a copy of x. */
    public Shape outputShape() {
        return Shape.of(layer.forward(x.copy()).shape());
    }

    /** {@code Affine: x (1, 2) [[0.5, -1.0]], W (2, 1) [[0.25], [0.0]], b (1) [0.0], projection seed 3}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(layer.name()).append(": ").append(CaseFormat.named("x", x));
        for (Parameter p : layer.parameters()) {
            s.append(", ").append(CaseFormat.named(p.name(), p.value()));
        }
        return s.append(", projection seed ").append(projectionSeed).toString();
    }
}
