package dev.gradcheck.catalogue;

import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithLossWithoutBatchMean;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.net.Net;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two-layer nets (Affine → Relu → Affine → SoftmaxWithLoss) whose backpropagation has one realistic bug each. */
public final class BrokenNets {

    private BrokenNets() {
    }

    /** The book's net with a copy of {@code init}'s weights, the last layer given, and backpropagation in {@link #gradient}. */
    public static class LayeredNet implements Net {
        protected final Map<String, Parameter> params = new LinkedHashMap<>();
        protected final List<Layer> layers;
        protected final LossLayer lastLayer;

        public LayeredNet(TwoLayerNet init, LossLayer lastLayer) {
            init.params().forEach((k, p) -> params.put(k, new Parameter(k, p.value().copy())));
            this.layers = List.of(new Affine(params.get("W1"), params.get("b1")), new Relu(),
                    new Affine(params.get("W2"), params.get("b2")));
            this.lastLayer = lastLayer;
        }

        public LayeredNet(TwoLayerNet init) {
            this(init, new SoftmaxWithLoss());
        }

        @Override public Map<String, Parameter> params() {
            return Collections.unmodifiableMap(params);
        }

        @Override public Tensor predict(Tensor x) {
            Tensor out = x;
            for (Layer layer : layers) {
                out = layer.forward(out);
            }
            return out;
        }

        @Override public double loss(Tensor x, Labels t) {
            return lastLayer.forward(predict(x), t);
        }

        @Override public Map<String, Tensor> gradient(Tensor x, Labels t) {
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

    /** Backpropagation of the first example of the batch only: a loop over the rows that stops after one. */
    public static final class NetGradientOfFirstExampleOnly extends LayeredNet {
        public NetGradientOfFirstExampleOnly(TwoLayerNet init) {
            super(init);
        }

        @Override public Map<String, Tensor> gradient(Tensor x, Labels t) {
            Tensor first = Tensor.zeros(1, x.dim(1));
            System.arraycopy(x.data(), 0, first.data(), 0, x.dim(1));
            return super.gradient(first, Labels.indices(t.classOf(0)));
        }
    }

    /** Backward through Affine2 and Affine1 only: the Relu between them skipped. */
    public static final class NetBackwardSkippingRelu extends LayeredNet {
        public NetBackwardSkippingRelu(TwoLayerNet init) {
            super(init);
        }

        @Override public Map<String, Tensor> gradient(Tensor x, Labels t) {
            loss(x, t);
            layers.get(0).backward(layers.get(2).backward(lastLayer.backward(1.0)));
            Map<String, Tensor> grads = new LinkedHashMap<>();
            params.forEach((k, p) -> grads.put(k, p.grad()));
            return grads;
        }
    }

    /** The net with a last layer whose backward forgets to divide by the batch size. */
    public static final class NetWithLossGradientNotDividedByBatch extends LayeredNet {
        public NetWithLossGradientNotDividedByBatch(TwoLayerNet init) {
            super(init, new SoftmaxWithLossWithoutBatchMean());
        }
    }

    /** A net that adds each gradient into the sum of the previous ones: the zero_grad() forgotten. */
    public static final class NetAccumulatingGradients extends LayeredNet {
        private Map<String, Tensor> sum;

        public NetAccumulatingGradients(TwoLayerNet init) {
            super(init);
        }

        @Override public Map<String, Tensor> gradient(Tensor x, Labels t) {
            Map<String, Tensor> fresh = super.gradient(x, t);
            Map<String, Tensor> total = new LinkedHashMap<>();
            fresh.forEach((k, g) -> total.put(k, sum == null ? g : TensorOps.add(sum.get(k), g)));
            sum = total;
            return total;
        }
    }
}
