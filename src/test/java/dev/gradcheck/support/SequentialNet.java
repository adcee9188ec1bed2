package dev.gradcheck.support;

import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.net.Net;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A net assembled from given layers and a SoftmaxWithLoss, as TwoLayerNet is, so a test can swap in a
 * broken layer and train and check the result like the real net.
 */
public final class SequentialNet implements Net {

    private final String name;
    private final Map<String, Parameter> params;
    private final List<Layer> layers;
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();

    public SequentialNet(String name, Map<String, Parameter> params, List<Layer> layers) {
        this.name = name;
        this.params = params;
        this.layers = layers;
    }

    /**
     * The book's structure Affine1 → Relu1 → Affine2 with the weights of {@code init}, the two affine
     * layers built by {@code affine} and the activation given.
     */
    public static SequentialNet twoLayer(String name, TwoLayerNet init, BiFunction<Parameter, Parameter, Layer> affine,
                                         Layer activation) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        init.params().forEach((k, p) -> params.put(k, new Parameter(k, p.value().copy())));
        List<Layer> layers = List.of(affine.apply(params.get("W1"), params.get("b1")), activation,
                affine.apply(params.get("W2"), params.get("b2")));
        return new SequentialNet(name, params, layers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Parameter> params() {
        return Collections.unmodifiableMap(params);
    }

    @Override
    public Tensor predict(Tensor x) {
        Tensor out = x;
        for (Layer layer : layers) {
            out = layer.forward(out);
        }
        return out;
    }

    @Override
    public double loss(Tensor x, Labels t) {
        return lastLayer.forward(predict(x), t);
    }

    @Override
    public Map<String, Tensor> gradient(Tensor x, Labels t) {
        loss(x, t);
        Tensor dout = lastLayer.backward(1.0);
        List<Layer> reversed = new ArrayList<>(layers);
        Collections.reverse(reversed);
        for (Layer layer : reversed) {
            dout = layer.backward(dout);
        }
        Map<String, Tensor> grads = new LinkedHashMap<>();
        params.forEach((k, p) -> grads.put(k, p.grad()));
        return grads;
    }
}
