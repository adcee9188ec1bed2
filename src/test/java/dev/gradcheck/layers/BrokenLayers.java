package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/** Layers with one deliberate, realistic bug each, for showing that the properties catch them. */
final class BrokenLayers {

    private BrokenLayers() {
    }

    /** MulLayer that forgets to swap the inputs: dx = dout·x, dy = dout·y. */
    static final class MulLayerWithoutSwap implements BinaryLayer {
        private Tensor x, y;

        @Override public Tensor forward(Tensor x, Tensor y) {
            this.x = x;
            this.y = y;
            return TensorOps.multiply(x, y);
        }

        @Override public BinaryGradients backward(Tensor dout) {
            return new BinaryGradients(TensorOps.multiply(dout, x), TensorOps.multiply(dout, y));
        }
    }

    /** AddLayer that drops the second branch: dy = 0. */
    static final class AddLayerDroppingY implements BinaryLayer {
        @Override public Tensor forward(Tensor x, Tensor y) {
            return TensorOps.add(x, y);
        }

        @Override public BinaryGradients backward(Tensor dout) {
            return new BinaryGradients(dout.copy(), Tensor.zerosLike(dout));
        }
    }

    /** Relu whose gradient is 0.1% too large where x > 0. */
    static final class ReluWrongWherePositive implements Layer {
        private final Relu relu = new Relu();

        @Override public Tensor forward(Tensor x) {
            return relu.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.scale(relu.backward(dout), 1 + 1e-3);
        }
    }

    /** Relu that also clips dout at 0, confusing the mask with a Relu of dout: not linear in dout. */
    static final class ReluClippingDout implements Layer {
        private final Relu relu = new Relu();

        @Override public Tensor forward(Tensor x) {
            return relu.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return relu.backward(TensorOps.map(dout, d -> Math.max(d, 0)));
        }
    }

    /** Relu that adds each output into a kept buffer instead of replacing it: the second forward differs. */
    static final class ReluAccumulatingOutput implements Layer {
        private final Relu relu = new Relu();
        private Tensor out;

        @Override public Tensor forward(Tensor x) {
            Tensor y = relu.forward(x);
            out = out == null || !out.sameShape(y) ? y : TensorOps.add(out, y);
            return out.copy();
        }

        @Override public Tensor backward(Tensor dout) {
            return relu.backward(dout);
        }
    }

    /** The book's Relu: {@code dout[self.mask] = 0}, writing into its argument. */
    static final class BookRelu implements Layer {
        private boolean[] mask;

        @Override public Tensor forward(Tensor x) {
            mask = new boolean[x.size()];
            Tensor out = x.copy();
            for (int i = 0; i < mask.length; i++) {
                mask[i] = x.get(i) <= 0;
                out.set(i, mask[i] ? 0.0 : x.get(i));
            }
            return out;
        }

        @Override public Tensor backward(Tensor dout) {
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    dout.set(i, 0.0);
                }
            }
            return dout;
        }
    }

    /** Sigmoid with a sign slip in its derivative: dx = dout·(1 + y)·y. */
    static final class SigmoidWithOnePlusOut implements Layer {
        private Tensor out;

        @Override public Tensor forward(Tensor x) {
            out = TensorOps.map(x, Sigmoid::sigmoid);
            return out.copy();
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, out, (d, y) -> d * (1.0 + y) * y);
        }
    }

    /** Sigmoid whose backward uses the textbook formula e^-x / (1 + e^-x)², which is ∞/∞ = NaN for x below -709.78. */
    static final class SigmoidTextbookGradient implements Layer {
        private Tensor x;

        @Override public Tensor forward(Tensor x) {
            this.x = x.copy();
            return TensorOps.map(x, Sigmoid::sigmoid);
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> d * Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))));
        }
    }

    /** Affine whose db takes the first row of dout instead of the sum over the batch. */
    static final class AffineBiasFromFirstRow implements Layer {
        private final Affine affine;

        AffineBiasFromFirstRow(Tensor W, Tensor b) {
            affine = new Affine(W, b);
        }

        @Override public Tensor forward(Tensor x) {
            return affine.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            Tensor dx = affine.backward(dout);
            Tensor db = Tensor.zeros(dout.dim(1));
            System.arraycopy(dout.data(), 0, db.data(), 0, dout.dim(1));
            affine.parameters().get(1).setGrad(db);
            return dx;
        }

        @Override public List<Parameter> parameters() {
            return affine.parameters();
        }
    }

    /** SoftmaxWithLoss whose backward forgets to divide by the batch size. */
    static final class SoftmaxWithLossWithoutBatchMean implements LossLayer {
        private final SoftmaxWithLoss loss = new SoftmaxWithLoss();
        private int rows;

        @Override public double forward(Tensor x, Labels t) {
            rows = x.dim(0);
            return loss.forward(x, t);
        }

        @Override public Tensor backward(double dout) {
            return TensorOps.scale(loss.backward(dout), rows);
        }
    }

    /** Softmax without subtracting the row maximum: exp overflows to ∞ for scores above 709.78. */
    static Tensor softmaxWithoutMaxSubtraction(Tensor x) {
        Tensor y = TensorOps.map(x, StrictMath::exp);
        int cols = x.dim(1);
        for (int r = 0; r < x.dim(0); r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += y.get(r * cols + c);
            }
            for (int c = 0; c < cols; c++) {
                y.set(r * cols + c, y.get(r * cols + c) / sum);
            }
        }
        return y;
    }
}
