package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;

/**
 * Multiplication node {@code out = x·y}, element-wise.
 *
 * <p>Backward swaps the inputs: {@code dx = dout·y}, {@code dy = dout·x}. Book §5.4.1.
 */
public final class MulLayer implements BinaryLayer {

    /** Inputs of the last forward; read by backward. */
    private Tensor x, y;

    @Override
    public Tensor forward(Tensor x, Tensor y) {
        TensorOps.requireSameShape("MulLayer.forward(x, y)", x, y);
        this.x = x;
        this.y = y;
        return TensorOps.multiply(x, y);
    }

    @Override
    public BinaryGradients backward(Tensor dout) {
        LayerState.requireForward(x, this);
        LayerState.requireShape("dout", dout, x.shape(), this);
        return new BinaryGradients(TensorOps.multiply(dout, y), TensorOps.multiply(dout, x));
    }
}
