package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/**
 * Broken layers the properties need beyond the catalogue ({@code dev.gradcheck.catalogue}), which
 * holds every other: one deliberate, realistic bug each.
 */
final class BrokenLayers {

    private BrokenLayers() {
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
