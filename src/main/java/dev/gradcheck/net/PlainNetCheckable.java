package dev.gradcheck.net;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Variable;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Any {@link Net} at a fixed batch, reduced by its loss; checks every parameter. Plain evaluation
 * only: a net built from layers gets the fast and incremental modes through {@link NetCheckable}.
 */
final class PlainNetCheckable implements Checkable {

    private final Net net;
    private final Tensor x;
    private final Labels t;

    PlainNetCheckable(Net net, Tensor x, Labels t) {
        this.net = net;
        this.x = x;
        this.t = t;
    }

    @Override
    public String name() {
        return net.name();
    }

    @Override
    public List<Variable> variables() {
        return net.params().values().stream().map(p -> Variable.parameter(p.name(), p.value())).toList();
    }

    @Override
    public double loss() {
        return net.loss(x, t);
    }

    /** The loss plus the largest score: the scores' rounding, at their magnitude, reaches the loss. */
    @Override
    public double lossScale() {
        double max = 0;
        for (double v : net.predict(x).data()) {
            max = Math.max(max, Math.abs(v));
        }
        return Math.abs(net.loss(x, t)) + max;
    }

    @Override
    public Map<String, Tensor> analyticGradient() {
        return net.gradient(x, t);
    }
}
