package dev.gradcheck.support;

import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/** Layers whose backward is wrong in ways that an untrained net may not reveal. */
public final class BackwardBugs {

    private BackwardBugs() {
    }

    /**
     * Affine that keeps a copy of W taken when it is built, "to save a transpose", and uses it in
     * backward for {@code dx = dout·Wᵀ}; forward uses the live W. Right until W is first updated.
     */
    public static final class AffineWithStaleWeights implements Layer {
        private final Affine affine;
        private final Parameter W;
        private final Tensor WAtConstruction;

        public AffineWithStaleWeights(Parameter W, Parameter b) {
            this.affine = new Affine(W, b);
            this.W = W;
            this.WAtConstruction = W.value().copy();
        }

        @Override public Tensor forward(Tensor x) {
            return affine.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            affine.backward(dout);
            return TensorOps.dotTransB(dout, WAtConstruction);
        }

        @Override public List<Parameter> parameters() {
            return affine.parameters();
        }
    }

    /**
     * Affine whose dW carries a weight-decay term {@code λ·W} that the loss does not have: an error
     * proportional to the weights.
     */
    public static final class AffineWithStrayDecay implements Layer {
        private final Affine affine;
        private final Parameter W;
        private final double lambda;

        public AffineWithStrayDecay(Parameter W, Parameter b, double lambda) {
            this.affine = new Affine(W, b);
            this.W = W;
            this.lambda = lambda;
        }

        @Override public Tensor forward(Tensor x) {
            return affine.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            Tensor dx = affine.backward(dout);
            W.setGrad(TensorOps.add(W.grad(), TensorOps.scale(W.value(), lambda)));
            return dx;
        }
    }

    /**
     * Relu whose backward passes the gradient only where {@code 0 < x < cap} (a clipped ReLU's
     * backward paired with a plain ReLU's forward): wrong only for activations above the cap.
     */
    public static final class ReluClippedInBackward implements Layer {
        private final Relu relu = new Relu();
        private final double cap;
        private Tensor x;

        public ReluClippedInBackward(double cap) {
            this.cap = cap;
        }

        @Override public Tensor forward(Tensor x) {
            this.x = x;
            return relu.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> v > 0 && v < cap ? d : 0.0);
        }
    }
}
