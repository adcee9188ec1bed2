package dev.gradcheck.numerics;

import dev.gradcheck.layers.Elementwise;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.Tanh;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/** Layers with a wrong backward (and a right forward), to prove the Taylor test and the oracle bite. */
final class BrokenLayers {

    private BrokenLayers() {
    }

    /** Sigmoid whose backward uses {@code out·(1 + out)} instead of {@code out·(1 - out)}. */
    static final class SigmoidWithWrongSign implements Elementwise {
        private final Sigmoid sigmoid = new Sigmoid();
        private Tensor out;

        @Override public Tensor forward(Tensor x) {
            out = sigmoid.forward(x);
            return out.copy();
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, out, (d, y) -> d * (1.0 + y) * y);
        }

        @Override public DerivativeStructure apply(DerivativeStructure x) {
            return sigmoid.apply(x);
        }
    }

    /** Relu whose backward passes the gradient where x <= 0 and blocks it where x > 0: the mask inverted. */
    static final class ReluWithInvertedMask implements Elementwise {
        private final Relu relu = new Relu();
        private Tensor x;

        @Override public Tensor forward(Tensor x) {
            this.x = x.copy();
            return relu.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> v <= 0 ? d : 0.0);
        }

        @Override public DerivativeStructure apply(DerivativeStructure x) {
            return relu.apply(x);
        }

        @Override public boolean differentiableAt(double v) {
            return relu.differentiableAt(v);
        }
    }


    /** Forward is the logistic function, but the "twin" is tanh: an oracle of another function. */
    static final class SigmoidWithTanhTwin implements Elementwise {
        private final Sigmoid sigmoid = new Sigmoid();

        @Override public Tensor forward(Tensor x) {
            return sigmoid.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return sigmoid.backward(dout);
        }

        @Override public DerivativeStructure apply(DerivativeStructure x) {
            return new Tanh().apply(x);
        }
    }
}
