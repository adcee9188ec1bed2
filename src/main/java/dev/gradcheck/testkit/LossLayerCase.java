package dev.gradcheck.testkit;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A generated loss layer (SoftmaxWithLoss) at generated scores x (batch, classes) and one class
 * index per row.
 *
 * @param layer   the loss layer
 * @param x       the scores
 * @param classes the label of each row, in [0, classes)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LossLayerCase(LossLayer layer, Tensor x, int[] classes) {

    public LossLayerCase {
        classes = classes.clone();
    }

    /** A copy of the class indices. */
    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** The labels as class indices. */
    public Labels indexLabels() {
        return Labels.indices(classes);
    }

    /** The same labels as one-hot rows, written independently of {@link Labels#toOneHot}. */
    public Labels oneHotLabels() {
        return Labels.oneHot(GradCheckArbitraries.oneHot(classes, x.dim(1)));
    }

    /** This case for {@link dev.gradcheck.check.GradientCheck} with index labels: x is checked. */
    public Checkable checkable() {
        return Checkable.of(layer, x, indexLabels());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossLayerCase c && layer == c.layer && x == c.x && Arrays.equals(classes, c.classes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(layer), System.identityHashCode(x), Arrays.hashCode(classes));
    }

    /** {@code SoftmaxWithLoss: x (2, 2) [[0.5, 0.0], [1.0, -1.0]], labels [1, 0]}. */
    @Override
    public String toString() {
        return layer.name() + ": " + CaseFormat.named("x", x) + ", " + CaseFormat.labels(classes);
    }
}
