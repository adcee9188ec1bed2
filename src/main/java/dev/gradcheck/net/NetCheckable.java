package dev.gradcheck.net;

import dev.gradcheck.check.FastCheckable;
import dev.gradcheck.check.PerturbedLoss;
import dev.gradcheck.check.Variable;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A net (layers applied in order, then a loss layer) at a fixed batch, reduced by its loss; checks
 * every parameter of every layer. Its fast evaluators are {@link LayerChain}s over the layers, so
 * layers that implement {@link dev.gradcheck.layers.IncrementalLayer} make the check incremental
 * and parallel, and any other layer is recomputed in full from the perturbed layer onward.
 */
public final class NetCheckable implements FastCheckable {

    private final String name;
    private final List<Layer> layers;
    private final LossLayer last;
    private final List<Parameter> params;
    private final Tensor x;
    private final Labels t;

    /** For each parameter, the index of the layer holding it and its index among that layer's parameters. */
    private final int[] layerOf, parameterOf;

    private NetCheckable(String name, List<Layer> layers, LossLayer last, Tensor x, Labels t) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.last = last;
        this.x = x;
        this.t = t;
        this.params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Integer> layerIndex = new ArrayList<>();
        List<Integer> parameterIndex = new ArrayList<>();
        for (int l = 0; l < this.layers.size(); l++) {
            List<Parameter> own = this.layers.get(l).parameters();
            for (int p = 0; p < own.size(); p++) {
                if (!names.add(own.get(p).name())) {
                    throw new IllegalArgumentException(name + ": two parameters are named " + own.get(p).name()
                            + "; give each parameter of the net its own name (W1, W2, ...)");
                }
                params.add(own.get(p));
                layerIndex.add(l);
                parameterIndex.add(p);
            }
        }
        layerOf = layerIndex.stream().mapToInt(Integer::intValue).toArray();
        parameterOf = parameterIndex.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code layers} then {@code last} at batch x and labels t, named {@code name} in reports. */
    public static NetCheckable of(String name, List<Layer> layers, LossLayer last, Tensor x, Labels t) {
        return new NetCheckable(name, layers, last, x, t);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Variable> variables() {
        return params.stream().map(p -> Variable.parameter(p.name(), p.value())).toList();
    }

    @Override
    public double loss() {
        return last.forward(predict(), t);
    }

    /** The loss plus the largest score: the scores' rounding, at their magnitude, reaches the loss. */
    @Override
    public double lossScale() {
        Tensor scores = predict();
        double max = 0;
        for (double v : scores.data()) {
            max = Math.max(max, Math.abs(v));
        }
        return Math.abs(last.forward(scores, t)) + max;
    }

    /** Forward, then backward in reverse layer order, as the book's {@code gradient}. */
    @Override
    public Map<String, Tensor> analyticGradient() {
        loss();
        Tensor dout = last.backward(1.0);
        List<Layer> reversed = new ArrayList<>(layers);
        Collections.reverse(reversed);
        for (Layer layer : reversed) {
            dout = layer.backward(dout);
        }
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (Parameter p : params) {
            grads.put(p.name(), p.grad());
        }
        return grads;
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
        return LayerChain.incremental(layers, last);
    }

    private Tensor predict() {
        Tensor out = x;
        for (Layer layer : layers) {
            out = layer.forward(out);
        }
        return out;
    }

    private LayerChain chain() {
        return new LayerChain(layers, last, x, t);
    }
}
