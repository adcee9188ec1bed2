package dev.gradcheck.net;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.NumericalGradient;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The book's two-layer net: Affine1 → Relu1 → Affine2, then SoftmaxWithLoss. Book §5.7,
 * {@code ch05/two_layer_net.py}.
 *
 * <p>{@code params} and the layers share the same {@link Parameter} objects (the book shares numpy
 * arrays), so training updates and numerical perturbations of a parameter reach the layer using it.
 */
public final class TwoLayerNet implements Net {

    /** W1 (input, hidden), b1 (hidden), W2 (hidden, output), b2 (output), in this order. */
    private final Map<String, Parameter> params = new LinkedHashMap<>();

    /** Affine1, Relu1, Affine2, in forward order. */
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();

    /**
     * Weights drawn from a normal distribution with standard deviation {@code weightInitStd}
     * (Commons Math's Well19937c seeded with {@code seed}); biases zero.
     */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd, long seed) {
        this(inputSize, hiddenSize, outputSize, WeightInit.std(weightInitStd), seed);
    }

    /**
     * Weights drawn from N(0, 1) scaled by {@code init} for each layer's fan-in (W1 first, then W2,
     * from Commons Math's Well19937c seeded with {@code seed}); biases zero.
     */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, WeightInit init, long seed) {
        requirePositive("inputSize", inputSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("outputSize", outputSize);
        RandomGenerator random = new Well19937c(seed);
        params.put("W1", new Parameter("W1", gaussian(random, init.std(inputSize), inputSize, hiddenSize)));
        params.put("b1", new Parameter("b1", Tensor.zeros(hiddenSize)));
        params.put("W2", new Parameter("W2", gaussian(random, init.std(hiddenSize), hiddenSize, outputSize)));
        params.put("b2", new Parameter("b2", Tensor.zeros(outputSize)));
        layers.put("Affine1", new Affine(params.get("W1"), params.get("b1")));
        layers.put("Relu1", new Relu());
        layers.put("Affine2", new Affine(params.get("W2"), params.get("b2")));
    }

    /** The book's configuration: weight_init_std = 0.01. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, long seed) {
        this(inputSize, hiddenSize, outputSize, 0.01, seed);
    }

    /** The parameters by key (W1, b1, W2, b2); values are live. */
    @Override
    public Map<String, Parameter> params() {
        return Collections.unmodifiableMap(params);
    }

    /** The layers by key, in forward order. */
    public Map<String, Layer> layers() {
        return Collections.unmodifiableMap(layers);
    }

    /** The last layer, SoftmaxWithLoss. */
    public SoftmaxWithLoss lastLayer() {
        return lastLayer;
    }

    /** Scores (N, output) for a batch x (N, input). */
    @Override
    public Tensor predict(Tensor x) {
        Tensor out = x;
        for (Layer layer : layers.values()) {
            out = layer.forward(out);
        }
        return out;
    }

    /** The loss of a batch x with labels t. */
    @Override
    public double loss(Tensor x, Labels t) {
        return lastLayer.forward(predict(x), t);
    }

    /** Fraction of rows whose highest score is the label's class. */
    public double accuracy(Tensor x, Labels t) {
        int[] predicted = TensorOps.argmaxRows(predict(x));
        if (predicted.length != t.count()) {
            throw new IllegalArgumentException("accuracy: x has " + predicted.length + " rows but there are "
                    + t.count() + " labels");
        }
        int correct = 0;
        for (int r = 0; r < predicted.length; r++) {
            correct += predicted[r] == t.classOf(r) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    /** The gradient of the loss by central differences (h = 1e-4) for every parameter. */
    public Map<String, Tensor> numericalGradient(Tensor x, Labels t) {
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (Parameter p : params.values()) {
            grads.put(p.name(), NumericalGradient.centralDifference(() -> loss(x, t), p.value(), 1e-4));
        }
        return grads;
    }

    /** The gradient of the loss by backpropagation: forward, then backward in reverse layer order. */
    @Override
    public Map<String, Tensor> gradient(Tensor x, Labels t) {
        loss(x, t);
        Tensor dout = lastLayer.backward(1.0);
        List<Layer> reversed = new ArrayList<>(layers.values());
        Collections.reverse(reversed);
        for (Layer layer : reversed) {
            dout = layer.backward(dout);
        }
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (Parameter p : params.values()) {
            grads.put(p.name(), p.grad());
        }
        return grads;
    }

    /** This net at batch x and labels t, for {@link dev.gradcheck.check.GradientCheck}: every parameter is checked. */
    @Override
    public Checkable checkable(Tensor x, Labels t) {
        return NetCheckable.of("TwoLayerNet", List.copyOf(layers.values()), lastLayer, x, t);
    }

    private static Tensor gaussian(RandomGenerator random, double std, int rows, int cols) {
        Tensor w = Tensor.zeros(rows, cols);
        double[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = std * random.nextGaussian();
        }
        return w;
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("TwoLayerNet: " + what + " must be positive, got " + value);
        }
    }
}
