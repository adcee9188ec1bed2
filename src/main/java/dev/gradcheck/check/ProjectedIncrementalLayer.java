package dev.gradcheck.check;

import dev.gradcheck.layers.IncrementalLayer;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A one-input layer that implements {@link IncrementalLayer}, reduced to {@code L = Σ forward(x) ∘ R}
 * like {@link ProjectedLayer}, with the fast evaluators of {@link FastCheckable}: its workspaces
 * ({@link ProjectedEvaluator}) evaluate the projection of a perturbed input or parameter element
 * in full (the bits of {@link #loss()}) or from the change of the output.
 */
final class ProjectedIncrementalLayer implements FastCheckable {

    private final ProjectedLayer plain;
    private final IncrementalLayer layer;
    private final Tensor x;

    ProjectedIncrementalLayer(IncrementalLayer layer, Tensor x, long seed) {
        this.plain = new ProjectedLayer(layer, x, seed);
        this.layer = layer;
        this.x = x;
    }

    @Override
    public String name() {
        return plain.name();
    }

    @Override
    public List<Variable> variables() {
        return plain.variables();
    }

    @Override
    public double loss() {
        return plain.loss();
    }

    @Override
    public double lossScale() {
        return plain.lossScale();
    }

    @Override
    public Map<String, Tensor> analyticGradient() {
        return plain.analyticGradient();
    }

    @Override
    public Optional<Map<String, Tensor>> exactGradient() {
        return plain.exactGradient();
    }

    @Override
    public PerturbedLoss faithfulLoss() {
        return new ProjectedEvaluator(layer, x, plain.projection())::full;
    }

    @Override
    public PerturbedLoss incrementalLoss() {
        return new ProjectedEvaluator(layer, x, plain.projection())::incremental;
    }

    @Override
    public boolean parallel() {
        return true;
    }
}
