package dev.gradcheck.net;

import dev.gradcheck.check.FastCheckable;
import dev.gradcheck.check.PerturbedLoss;
import dev.gradcheck.check.Variable;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A {@link TwoLayerNet} at a fixed batch, reduced by its loss; checks W1, b1, W2, b2. Its fast
 * evaluators are {@link LayerChain}s over the net's layers.
 */
final class NetCheckable implements FastCheckable {

    private final TwoLayerNet net;
    private final Tensor x;
    private final Labels t;

    /** For each variable, the index of the layer holding it and its index among that layer's parameters. */
    private final int[] layerOf, parameterOf;

    NetCheckable(TwoLayerNet net, Tensor x, Labels t) {
        this.net = net;
        this.x = x;
        this.t = t;
        List<Parameter> params = List.copyOf(net.params().values());
        List<Layer> layers = List.copyOf(net.layers().values());
        layerOf = new int[params.size()];
        parameterOf = new int[params.size()];
        for (int v = 0; v < params.size(); v++) {
            layerOf[v] = -1;
            for (int l = 0; l < layers.size() && layerOf[v] < 0; l++) {
                int p = layers.get(l).parameters().indexOf(params.get(v));
                if (p >= 0) {
                    layerOf[v] = l;
                    parameterOf[v] = p;
                }
            }
            if (layerOf[v] < 0) {
                throw new IllegalStateException("no layer of the net uses parameter " + params.get(v).name());
            }
        }
    }

    @Override
    public PerturbedLoss faithfulLoss() {
        LayerChain chain = chain();
        return (v, i, value) -> chain.fullLossWith(layerOf[v], parameterOf[v], i, value);
    }

    @Override
    public PerturbedLoss incrementalLoss() {
        LayerChain chain = chain();
        return (v, i, value) -> chain.incrementalLossWith(layerOf[v], parameterOf[v], i, value);
    }

    @Override
    public boolean parallel() {
        return LayerChain.incremental(List.copyOf(net.layers().values()), net.lastLayer());
    }

    private LayerChain chain() {
        return new LayerChain(List.copyOf(net.layers().values()), net.lastLayer(), x, t);
    }

    @Override
    public String name() {
        return "TwoLayerNet";
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
