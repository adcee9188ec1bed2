package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * Logistic function {@code out = 1 / (1 + exp(-x))}, element-wise.
 *
 * <p>Forward keeps out; backward is {@code dx = dout·(1 - out)·out}. Book §5.5.2. For negative x
 * the equivalent {@code exp(x) / (1 + exp(x))} is used, so no exp overflows: x = ±1000 gives
 * exactly 0 and 1, and a gradient of 0. {@link #apply} is the same function in forward-mode arithmetic,
 * the exact oracle.
 */
public final class Sigmoid implements Elementwise, IncrementalLayer {

    /** Output of the last forward. */
    private Tensor out;

    @Override
    public Tensor forward(Tensor x) {
        out = TensorOps.map(x, Sigmoid::sigmoid);
        return out.copy();
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(out, this);
        LayerState.requireShape("dout", dout, out.shape(), this);
        return TensorOps.zip(dout, out, (d, y) -> d * (1.0 - y) * y);
    }

    @Override
    public DerivativeStructure apply(DerivativeStructure x) {
        if (x.getValue() >= 0) {
            return x.negate().exp().add(1).reciprocal();
        }
        DerivativeStructure e = x.exp();
        return e.divide(e.add(1));
    }

    @Override
    public LayerWorkspace workspace(int[] inputShape) {
        return new ElementwiseWorkspace(inputShape, Sigmoid::sigmoid);
    }

    /** The logistic function, evaluated without overflow. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-x));
        }
        double e = StrictMath.exp(x);
        return e / (1.0 + e);
    }
}
