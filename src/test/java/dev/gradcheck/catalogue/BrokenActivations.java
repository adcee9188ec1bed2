package dev.gradcheck.catalogue;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Relu and Sigmoid layers with one realistic bug each; forward is the real layer's unless the bug is in it. */
public final class BrokenActivations {

    private BrokenActivations() {
    }

    /** Relu with the real forward; backward is the bug, given dout and the last forward's x and output. */
    public abstract static class ReluWithBackward implements Layer {
        private final Relu relu = new Relu();
        protected Tensor x, out;

        @Override public Tensor forward(Tensor x) {
            this.x = x.copy();
            out = relu.forward(x);
            return out.copy();
        }
    }

    /** Sigmoid with the real forward; backward is the bug, given dout and the last forward's x and output. */
    public abstract static class SigmoidWithBackward implements Layer {
        private final Sigmoid sigmoid = new Sigmoid();
        protected Tensor x, out;

        @Override public Tensor forward(Tensor x) {
            this.x = x.copy();
            out = sigmoid.forward(x);
            return out.copy();
        }
    }

    /** Relu whose backward passes dout everywhere: the mask forgotten. */
    public static final class ReluWithoutMask extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return dout.copy();
        }
    }

    /** Relu whose mask is inverted: dout passes where x <= 0 and is blocked where x > 0. */
    public static final class ReluWithInvertedMask extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> v <= 0 ? d : 0.0);
        }
    }

    /** Relu whose mask tests the saved output with {@code out >= 0}, which every output passes. */
    public static final class ReluMaskFromOutputWithGreaterOrEqual extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, out, (d, y) -> y >= 0 ? d : 0.0);
        }
    }

    /** Relu whose backward multiplies dout by the input where x > 0 instead of by the derivative 1. */
    public static final class ReluScalingByInput extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> v > 0 ? d * v : 0.0);
        }
    }

    /** Relu whose gradient is 0.1 % too large where x > 0. */
    public static final class ReluOffByOnePerMille extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> v > 0 ? d * (1 + 1e-3) : 0.0);
        }
    }

    /** Relu whose derivative is written {@code (x/|x| + 1)/2}: 0/0 = NaN where x is exactly 0. */
    public static final class ReluDerivativeFromSign extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> d * (v / Math.abs(v) + 1) / 2);
        }
    }

    /** Relu whose backward returns dx flattened to one axis. */
    public static final class ReluReturningFlatGradient extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> v > 0 ? d : 0.0).reshape(dout.size());
        }
    }

    /** The book's Relu: {@code dout[self.mask] = 0}, written into its argument and returned. */
    public static final class ReluWritingIntoDout extends ReluWithBackward {
        @Override public Tensor backward(Tensor dout) {
            for (int i = 0; i < dout.size(); i++) {
                if (x.get(i) <= 0) {
                    dout.set(i, 0.0);
                }
            }
            return dout;
        }
    }

    /** Relu whose backward writes dx into a buffer it keeps and reuses, and returns the buffer. */
    public static final class ReluReturningReusedBuffer extends ReluWithBackward {
        private Tensor buffer;

        @Override public Tensor backward(Tensor dout) {
            if (buffer == null || !buffer.sameShape(dout)) {
                buffer = Tensor.zerosLike(dout);
            }
            for (int i = 0; i < dout.size(); i++) {
                buffer.set(i, x.get(i) > 0 ? dout.get(i) : 0.0);
            }
            return buffer;
        }
    }

    /** Relu that adds each output into a kept buffer instead of replacing it: the second forward differs. */
    public static final class ReluAccumulatingOutput implements Layer {
        private final Relu relu = new Relu();
        private Tensor sum;

        @Override public Tensor forward(Tensor x) {
            Tensor y = relu.forward(x);
            sum = sum == null || !sum.sameShape(y) ? y : TensorOps.add(sum, y);
            return sum.copy();
        }

        @Override public Tensor backward(Tensor dout) {
            return relu.backward(dout);
        }
    }

    /**
     * Relu that reuses its mask array and only marks where x <= 0, never clearing it: after a forward
     * with other signs, stale marks block the gradient where x is now positive.
     */
    public static final class ReluWithStaleMask implements Layer {
        private boolean[] blocked;

        @Override public Tensor forward(Tensor x) {
            if (blocked == null || blocked.length != x.size()) {
                blocked = new boolean[x.size()];
            }
            Tensor out = Tensor.zerosLike(x);
            for (int i = 0; i < x.size(); i++) {
                if (x.get(i) <= 0) {
                    blocked[i] = true;
                } else {
                    out.set(i, x.get(i));
                }
            }
            return out;
        }

        @Override public Tensor backward(Tensor dout) {
            Tensor dx = Tensor.zerosLike(dout);
            for (int i = 0; i < dout.size(); i++) {
                dx.set(i, blocked[i] ? 0.0 : dout.get(i));
            }
            return dx;
        }
    }

    /** Sigmoid with the sign slip {@code out·(1 + out)}. */
    public static final class SigmoidWithOnePlusOut extends SigmoidWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, out, (d, y) -> d * (1.0 + y) * y);
        }
    }

    /** Sigmoid whose backward uses the input x where the saved output belongs: {@code (1 - x)·x}. */
    public static final class SigmoidUsingInputInsteadOfOutput extends SigmoidWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> d * (1.0 - v) * v);
        }
    }

    /** Sigmoid whose backward forgets the chain rule: {@code (1 - y)·y} without dout. */
    public static final class SigmoidForgettingDout extends SigmoidWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.map(out, y -> (1.0 - y) * y);
        }
    }

    /** Sigmoid whose derivative {@code (1 - y)·y} is kept in a float: about 6e-8 relative, below rtol. */
    public static final class SigmoidWithSinglePrecisionDerivative extends SigmoidWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, out, (d, y) -> d * (float) ((1.0 - y) * y));
        }
    }

    /** Sigmoid whose backward uses the textbook {@code e^-x / (1 + e^-x)²}: ∞/∞ = NaN below x = -709.78. */
    public static final class SigmoidTextbookGradient extends SigmoidWithBackward {
        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> d * Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))));
        }
    }

    /** Sigmoid written {@code exp(x) / (exp(x) + 1)} for every x: ∞/∞ = NaN above x = 709.78. */
    public static final class SigmoidOverflowingForLargeInputs implements Layer {
        private Tensor out;

        @Override public Tensor forward(Tensor x) {
            out = TensorOps.map(x, v -> v < 0 ? Sigmoid.sigmoid(v) : StrictMath.exp(v) / (StrictMath.exp(v) + 1));
            return out.copy();
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, out, (d, y) -> d * (1.0 - y) * y);
        }
    }

    /** Sigmoid whose forward adds a little noise from a generator it keeps drawing from: not a function of x. */
    public static final class SigmoidWithNoisyForward extends SigmoidWithBackward {
        private final RandomGenerator random = new Well19937c(7);

        @Override public Tensor forward(Tensor x) {
            return TensorOps.map(super.forward(x), y -> y + 1e-12 * random.nextGaussian());
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, out, (d, y) -> d * (1.0 - y) * y);
        }
    }
}
