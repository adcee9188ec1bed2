package dev.gradcheck.catalogue;

import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.tensor.Tensor;

/** SoftmaxWithLoss layers with one realistic bug each. */
public final class BrokenLosses {

    private BrokenLosses() {
    }

    /**
     * Softmax with cross-entropy: the real layer's loss and softmax, with hooks for the softmax, the
     * loss of the softmax output, and backward {@code dx = dout·(y - t)/N}.
     */
    public abstract static class SoftmaxLossWith implements LossLayer {
        private final SoftmaxWithLoss real = new SoftmaxWithLoss();
        protected Tensor y, t;
        protected int rows;

        @Override public double forward(Tensor x, Labels labels) {
            rows = x.dim(0);
            t = labels.toOneHot(x.dim(1));
            y = softmax(x);
            return loss(x, labels);
        }

        @Override public Tensor backward(double dout) {
            Tensor dx = Tensor.zerosLike(y);
            for (int i = 0; i < dx.size(); i++) {
                dx.set(i, dout * (y.get(i) - t.get(i)) / rows);
            }
            return dx;
        }

        /** The real, stable softmax. */
        protected Tensor softmax(Tensor x) {
            return SoftmaxWithLoss.softmax(x);
        }

        /** The real loss (log-softmax, no log of 0). */
        protected double loss(Tensor x, Labels labels) {
            return real.forward(x, labels);
        }

        /** The book's cross-entropy of the softmax output, {@code -Σ t·log(y + delta) / N}. */
        protected double crossEntropy(double delta) {
            double total = 0;
            for (int i = 0; i < y.size(); i++) {
                if (t.get(i) != 0) {
                    total -= t.get(i) * StrictMath.log(y.get(i) + delta);
                }
            }
            return total / rows;
        }
    }

    /** Backward that forgets to divide by the batch size N. */
    public static final class SoftmaxWithLossWithoutBatchMean extends SoftmaxLossWith {
        @Override public Tensor backward(double dout) {
            Tensor dx = Tensor.zerosLike(y);
            for (int i = 0; i < dx.size(); i++) {
                dx.set(i, dout * (y.get(i) - t.get(i)));
            }
            return dx;
        }
    }

    /** Backward with the sign flipped: {@code (t - y)/N}. */
    public static final class SoftmaxWithLossWithSignFlipped extends SoftmaxLossWith {
        @Override public Tensor backward(double dout) {
            Tensor dx = Tensor.zerosLike(y);
            for (int i = 0; i < dx.size(); i++) {
                dx.set(i, dout * (t.get(i) - y.get(i)) / rows);
            }
            return dx;
        }
    }

    /** The book's backward, {@code (y - t)/N} whatever dout is: right only when dout = 1. */
    public static final class SoftmaxWithLossIgnoringDout extends SoftmaxLossWith {
        @Override public Tensor backward(double dout) {
            return super.backward(1.0);
        }
    }

    /** Backward whose loop over the classes stops one short: the last class's gradient stays 0. */
    public static final class SoftmaxWithLossSkippingLastClass extends SoftmaxLossWith {
        @Override public Tensor backward(double dout) {
            Tensor dx = super.backward(dout);
            int classes = y.dim(1);
            for (int r = 0; r < rows; r++) {
                dx.set(r * classes + classes - 1, 0.0);
            }
            return dx;
        }
    }

    /** Softmax without subtracting the row maximum: exp overflows to ∞ above 709.78, and ∞/∞ is NaN. */
    public static final class SoftmaxWithoutMaxSubtraction extends SoftmaxLossWith {
        @Override protected Tensor softmax(Tensor x) {
            Tensor y = Tensor.zerosLike(x);
            int cols = x.dim(1);
            for (int r = 0; r < x.dim(0); r++) {
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    y.set(r * cols + c, StrictMath.exp(x.get(r * cols + c)));
                    sum += y.get(r * cols + c);
                }
                for (int c = 0; c < cols; c++) {
                    y.set(r * cols + c, y.get(r * cols + c) / sum);
                }
            }
            return y;
        }

        @Override protected double loss(Tensor x, Labels labels) {
            return crossEntropy(0);
        }
    }

    /** Cross-entropy {@code -log y} without the book's delta: ∞ where the label's softmax underflows to 0. */
    public static final class CrossEntropyWithoutLogGuard extends SoftmaxLossWith {
        @Override protected double loss(Tensor x, Labels labels) {
            return crossEntropy(0);
        }
    }
}
