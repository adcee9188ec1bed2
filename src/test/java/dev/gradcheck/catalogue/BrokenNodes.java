package dev.gradcheck.catalogue;

import dev.gradcheck.layers.BinaryGradients;
import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;

/** The book's multiplication and addition nodes with one realistic bug each. */
public final class BrokenNodes {

    private BrokenNodes() {
    }

    /** MulLayer that keeps x and y and gets backward wrong in {@link #backward}. */
    public abstract static class MulWithBackward implements BinaryLayer {
        protected Tensor x, y;

        @Override public Tensor forward(Tensor x, Tensor y) {
            this.x = x;
            this.y = y;
            return TensorOps.multiply(x, y);
        }
    }

    /** MulLayer that forgets to swap the inputs: dx = dout·x, dy = dout·y. */
    public static final class MulLayerWithoutSwap extends MulWithBackward {
        @Override public BinaryGradients backward(Tensor dout) {
            return new BinaryGradients(TensorOps.multiply(dout, x), TensorOps.multiply(dout, y));
        }
    }

    /** MulLayer whose dy is a copy-paste of dx: both dout·y. */
    public static final class MulLayerWithDyCopiedFromDx extends MulWithBackward {
        @Override public BinaryGradients backward(Tensor dout) {
            return new BinaryGradients(TensorOps.multiply(dout, y), TensorOps.multiply(dout, y));
        }
    }

    /** AddLayer that drops the second branch: dy = 0. */
    public static final class AddLayerDroppingY implements BinaryLayer {
        @Override public Tensor forward(Tensor x, Tensor y) {
            return TensorOps.add(x, y);
        }

        @Override public BinaryGradients backward(Tensor dout) {
            return new BinaryGradients(dout.copy(), Tensor.zerosLike(dout));
        }
    }

    /** AddLayer that splits dout between its inputs, dx = dy = dout/2, as if the node averaged them. */
    public static final class AddLayerHalvingDout implements BinaryLayer {
        @Override public Tensor forward(Tensor x, Tensor y) {
            return TensorOps.add(x, y);
        }

        @Override public BinaryGradients backward(Tensor dout) {
            return new BinaryGradients(TensorOps.scale(dout, 0.5), TensorOps.scale(dout, 0.5));
        }
    }

    /** AddLayer that hands dout itself on as dx and as dy: three names for one array. */
    public static final class AddLayerReturningDoutTwice implements BinaryLayer {
        @Override public Tensor forward(Tensor x, Tensor y) {
            return TensorOps.add(x, y);
        }

        @Override public BinaryGradients backward(Tensor dout) {
            return new BinaryGradients(dout, dout);
        }
    }
}
