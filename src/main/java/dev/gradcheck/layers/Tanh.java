package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * Hyperbolic tangent {@code out = tanh(x)}, element-wise: a smooth layer whose third derivative is
 * large near 0, so the finite difference's truncation error shows. Not in the book's chapter 5; added
 * for the numerics (stencils, the exact oracle, the Taylor test).
 *
 * <p>Forward keeps out; backward is {@code dx = dout·(1 - out²)}. {@link #apply} is the same function
 * in forward-mode arithmetic, the exact oracle.
 */
public final class Tanh implements Elementwise {

    /** Output of the last forward. */
    private Tensor out;

    @Override
    public Tensor forward(Tensor x) {
        out = TensorOps.map(x, StrictMath::tanh);
        return out.copy();
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(out, this);
        LayerState.requireShape("dout", dout, out.shape(), this);
        return TensorOps.zip(dout, out, (d, y) -> d * (1.0 - y * y));
    }

    @Override
    public DerivativeStructure apply(DerivativeStructure x) {
        return x.tanh();
    }
}
