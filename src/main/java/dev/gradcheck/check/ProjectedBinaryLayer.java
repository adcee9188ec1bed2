package dev.gradcheck.check;

import dev.gradcheck.layers.BinaryGradients;
import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A two-input layer reduced to {@code L = Σ forward(x, y) ∘ R}; checks x and y. */
final class ProjectedBinaryLayer implements Checkable {

    private final BinaryLayer layer;
    private final Tensor x, y;

    /** Upstream gradient dL/d(out), fixed for the whole check. */
    private final Tensor projection;

    ProjectedBinaryLayer(BinaryLayer layer, Tensor x, Tensor y, long seed) {
        this.layer = layer;
        this.x = x;
        this.y = y;
        this.projection = Projection.gaussianLike(layer.forward(x.copy(), y.copy()), seed);
    }

    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public List<Variable> variables() {
        return List.of(Variable.input("x", x), Variable.input("y", y));
    }

    @Override
    public double loss() {
        return TensorOps.dotAll(layer.forward(x, y), projection);
    }

    @Override
    public double lossScale() {
        return TensorOps.dotAll(TensorOps.map(layer.forward(x, y), Math::abs), TensorOps.map(projection, Math::abs));
    }

    @Override
    public Map<String, Tensor> analyticGradient() {
        Tensor dout = projection.copy();
        Tensor out = layer.forward(x, y);
        Contracts.requireNewOutput(layer.name(), out, Map.of("x", x, "y", y));
        Contracts.requireFiniteOutput(layer.name(), out);
        BinaryGradients g = layer.backward(dout);
        Contracts.requireUnmodified(dout, projection, layer.name() + ".backward", "dout");
        Contracts.requireNotDout(layer.name(), "x", g.dx(), dout);
        Contracts.requireNotDout(layer.name(), "y", g.dy(), dout);
        Map<String, Tensor> grads = new LinkedHashMap<>();
        grads.put("x", g.dx());
        grads.put("y", g.dy());
        return grads;
    }
}
