package dev.gradcheck.check;

import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.layers.IncrementalLayer;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A differentiable unit reduced to a scalar: what {@link GradientCheck} checks.
 *
 * <p>A loss layer or a net is reduced by its loss. Any other layer is reduced by
 * {@code L = Σ forward(x) ∘ R} for a fixed seeded random tensor R, so that {@code backward(R)}
 * returns exactly dL/dx and sets dL/dW. The factories below build these reductions.
 */
public interface Checkable {

    /** Name of the unit in reports, such as {@code Affine} or {@code TwoLayerNet}. */
    String name();

    /** The tensors to check, in report order; the checker perturbs them in place and restores them. */
    List<Variable> variables();

    /** The scalar at the variables' current values; forward only. */
    double loss();

    /** Forward then backward at the current values: dL/d(variable) keyed by variable name. */
    Map<String, Tensor> analyticGradient();

    /**
     * The magnitude of the terms summed into the scalar, which sets how much rounding each loss
     * evaluation carries (about ε times this). A projection {@code Σ out ∘ R} can cancel to near 0
     * while its terms are large, so it reports {@code Σ |out ∘ R|}; by default {@code |loss()|}.
     */
    default double lossScale() {
        return Math.abs(loss());
    }

    /**
     * The exact gradient of the scalar, to rounding, by forward-mode automatic differentiation, for
     * the tensors a third oracle covers: x of an {@link dev.gradcheck.layers.Elementwise} layer or of a
     * {@link dev.gradcheck.layers.RowwiseLoss}. NaN at points without a derivative (kinks). Empty for
     * units without a forward-mode twin. Throws {@link IllegalStateException} if the twin's values
     * differ from forward's (it would be the oracle of another function).
     */
    default Optional<Map<String, Tensor>> exactGradient() {
        return Optional.empty();
    }

    /**
     * A one-input layer at input x, reduced by a random projection drawn from {@code seed}; a
     * {@link FastCheckable} if the layer is an {@link IncrementalLayer}.
     */
    static Checkable of(Layer layer, Tensor x, long seed) {
        return layer instanceof IncrementalLayer incremental
                ? new ProjectedIncrementalLayer(incremental, x, seed) : new ProjectedLayer(layer, x, seed);
    }

    /** A two-input layer at inputs x and y, reduced by a random projection drawn from {@code seed}. */
    static Checkable of(BinaryLayer layer, Tensor x, Tensor y, long seed) {
        return new ProjectedBinaryLayer(layer, x, y, seed);
    }

    /** A loss layer at scores x and labels t, reduced by its loss; x is checked. */
    static Checkable of(LossLayer layer, Tensor x, Labels t) {
        return new LossOfLayer(layer, x, t);
    }

    /** A loss with a tensor target at predictions y and target t (shaped like y), reduced by its loss; y is checked. */
    static Checkable of(TargetLossLayer layer, Tensor y, Tensor t) {
        return new LossOfTarget(layer, y, t);
    }

    /**
     * This unit with only the tensors named checked, such as {@code only("W")}; the others are still
     * computed but neither perturbed nor compared. Fails for a name the unit does not have.
     */
    default Checkable only(String... names) {
        return new SelectedVariables(this, List.of(names));
    }
}
