package dev.gradcheck.check;

import dev.gradcheck.layers.Elementwise;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A one-input layer reduced to {@code L = Σ forward(x) ∘ R}; checks x and every parameter. */
final class ProjectedLayer implements Checkable {

    private final Layer layer;
    private final Tensor x;

    /** Upstream gradient dL/d(out), fixed for the whole check. */
    private final Tensor projection;

    ProjectedLayer(Layer layer, Tensor x, long seed) {
        this.layer = layer;
        this.x = x;
        this.projection = Projection.gaussianLike(layer.forward(x.copy()), seed);
    }

    /** The fixed projection R; not to be modified. */
    Tensor projection() {
        return projection;
    }

    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public List<Variable> variables() {
        List<Variable> variables = new ArrayList<>();
        variables.add(Variable.input("x", x));
        for (Parameter p : layer.parameters()) {
            variables.add(Variable.parameter(p.name(), p.value()));
        }
        return variables;
    }

    @Override
    public double loss() {
        return TensorOps.dotAll(layer.forward(x), projection);
    }

    @Override
    public double lossScale() {
        return TensorOps.dotAll(TensorOps.map(layer.forward(x), Math::abs), TensorOps.map(projection, Math::abs));
    }

    @Override
    public Map<String, Tensor> analyticGradient() {
        Tensor dout = projection.copy();
        Tensor out = layer.forward(x);
        Contracts.requireNewOutput(layer.name(), out, variableValues());
        Contracts.requireFiniteOutput(layer.name(), out);
        Map<String, Tensor> grads = new LinkedHashMap<>();
        Tensor dx = layer.backward(dout);
        Contracts.requireUnmodified(dout, projection, layer.name() + ".backward", "dout");
        Contracts.requireNotDout(layer.name(), "x", dx, dout);
        grads.put("x", dx);
        for (Parameter p : layer.parameters()) {
            grads.put(p.name(), p.hasGrad() ? p.grad() : null);
        }
        return grads;
    }

    private Map<String, Tensor> variableValues() {
        Map<String, Tensor> values = new LinkedHashMap<>();
        variables().forEach(v -> values.put(v.name(), v.value()));
        return values;
    }

    /** For an {@link Elementwise} layer: {@code dL/dx = f'(x) ∘ R}, f' from the layer's forward-mode twin. */
    @Override
    public Optional<Map<String, Tensor>> exactGradient() {
        if (!(layer instanceof Elementwise twin) || !layer.parameters().isEmpty()) {
            return Optional.empty();
        }
        Twins.requireSameValues(twin.twinValues(x), layer.forward(x), layer.name());
        return Optional.of(Map.of("x", TensorOps.multiply(twin.exactDerivative(x), projection)));
    }
}
