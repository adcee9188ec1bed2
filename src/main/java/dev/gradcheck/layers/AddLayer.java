package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;

/**
 * Addition node {@code out = x + y}, element-wise.
 *
 * <p>Backward passes dout through to both inputs: {@code dx = dy = dout}. Book §5.4.2.
 */
public final class AddLayer implements BinaryLayer {

    /** Shape of the last forward's output, kept to validate dout. */
    private int[] outShape;

    @Override
    public Tensor forward(Tensor x, Tensor y) {
        TensorOps.requireSameShape("AddLayer.forward(x, y)", x, y);
        outShape = x.shape();
        return TensorOps.add(x, y);
    }

    @Override
    public BinaryGradients backward(Tensor dout) {
        LayerState.requireForward(outShape, this);
        LayerState.requireShape("dout", dout, outShape, this);
        return new BinaryGradients(dout.copy(), dout.copy());
    }
}
