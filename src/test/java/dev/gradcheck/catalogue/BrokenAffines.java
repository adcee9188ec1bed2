package dev.gradcheck.catalogue;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;

/** Affine layers with one realistic bug each, in {@link ReferenceAffine}'s hooks. */
public final class BrokenAffines {

    private BrokenAffines() {
    }

    /** dW = x·dout instead of xᵀ·dout: the transpose forgotten (shapes agree only when x is square). */
    public static final class AffineWithoutTranspose extends ReferenceAffine {
        public AffineWithoutTranspose(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor dW(Tensor dout) {
            return TensorOps.dot(x, dout);
        }
    }

    /** db summed over the features of each row (numpy's axis=1) instead of over the batch: shape (N). */
    public static final class AffineBiasSummedOverWrongAxis extends ReferenceAffine {
        public AffineBiasSummedOverWrongAxis(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor db(Tensor dout) {
            return TensorOps.sumRows(TensorOps.transpose(dout));
        }
    }

    /** db averaged over the batch instead of summed. */
    public static final class AffineBiasAveragedOverBatch extends ReferenceAffine {
        public AffineBiasAveragedOverBatch(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor db(Tensor dout) {
            return TensorOps.scale(TensorOps.sumRows(dout), 1.0 / dout.dim(0));
        }
    }

    /** db taken from the first example of the batch only: dout's first row instead of the sum over rows. */
    public static final class AffineBiasFromFirstExampleOnly extends ReferenceAffine {
        public AffineBiasFromFirstExampleOnly(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor db(Tensor dout) {
            Tensor db = Tensor.zeros(dout.dim(1));
            System.arraycopy(dout.data(), 0, db.data(), 0, dout.dim(1));
            return db;
        }
    }

    /** b's gradient ignored: db = 0. */
    public static final class AffineIgnoringBiasGradient extends ReferenceAffine {
        public AffineIgnoringBiasGradient(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor db(Tensor dout) {
            return Tensor.zeros(dout.dim(1));
        }
    }

    /** b's gradient never set: backward forgets the line. */
    public static final class AffineNeverSettingBiasGradient extends ReferenceAffine {
        public AffineNeverSettingBiasGradient(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor db(Tensor dout) {
            return null;
        }
    }

    /** db copied from dout with the length of all of dout instead of summed: out of bounds for a batch above 1. */
    public static final class AffineCopyingDoutIntoBias extends ReferenceAffine {
        public AffineCopyingDoutIntoBias(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor db(Tensor dout) {
            Tensor db = Tensor.zeros(dout.dim(1));
            System.arraycopy(dout.data(), 0, db.data(), 0, dout.size());
            return db;
        }
    }

    /** dW scaled by 1 + 1e-3. */
    public static final class AffineWeightGradientOffByOnePerMille extends ReferenceAffine {
        public AffineWeightGradientOffByOnePerMille(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor dW(Tensor dout) {
            return TensorOps.scale(super.dW(dout), 1 + 1e-3);
        }
    }

    /** dW right except its last element, which a loop bound one short never writes. */
    public static final class AffineWeightGradientMissingLastElement extends ReferenceAffine {
        public AffineWeightGradientMissingLastElement(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor dW(Tensor dout) {
            Tensor full = super.dW(dout);
            Tensor dW = Tensor.zerosLike(full);
            System.arraycopy(full.data(), 0, dW.data(), 0, full.size() - 1);
            return dW;
        }
    }

    /** dW carries a weight-decay term λ·W (λ = 1e-6) that the loss does not have. */
    public static final class AffineWithStrayWeightDecay extends ReferenceAffine {
        public AffineWithStrayWeightDecay(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor dW(Tensor dout) {
            return TensorOps.add(super.dW(dout), TensorOps.scale(W.value(), 1e-6));
        }
    }

    /** db off by 1e-9 in every element: within the tolerance, caught by the baseline gate. */
    public static final class AffineBiasGradientOffByNanoUnit extends ReferenceAffine {
        public AffineBiasGradientOffByNanoUnit(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor db(Tensor dout) {
            return TensorOps.map(super.db(dout), v -> v + 1e-9);
        }
    }

    /** dW rounded to single precision (a float somewhere in the chain): about 6e-8 relative, below rtol. */
    public static final class AffineWithSinglePrecisionWeightGradient extends ReferenceAffine {
        public AffineWithSinglePrecisionWeightGradient(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor dW(Tensor dout) {
            return TensorOps.map(super.dW(dout), v -> (float) v);
        }
    }

    /** dx for images left flat, (N, C·H·W), instead of reshaped back to x's shape. */
    public static final class AffineNotReshapingDx extends ReferenceAffine {
        public AffineNotReshapingDx(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor dx(Tensor dout) {
            return TensorOps.dotTransB(dout, W.value());
        }
    }

    /** dW added to the previous backward's dW (micrograd's {@code +=}) instead of replacing it. */
    public static final class AffineAccumulatingWeightGradient extends ReferenceAffine {
        public AffineAccumulatingWeightGradient(Tensor W, Tensor b) {
            super(W, b);
        }

        @Override protected Tensor dW(Tensor dout) {
            return W.hasGrad() ? TensorOps.add(W.grad(), super.dW(dout)) : super.dW(dout);
        }
    }
}
