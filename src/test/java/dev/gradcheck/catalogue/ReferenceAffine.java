package dev.gradcheck.catalogue;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/**
 * The book's Affine written out with one hook per gradient ({@link #dx}, {@link #dW}, {@link #db}),
 * computing the same bits as {@link dev.gradcheck.layers.Affine}: each broken Affine of the catalogue
 * overrides the one hook its bug lives in.
 */
public class ReferenceAffine implements Layer {

    /** Weights (in, out) and bias (out). */
    protected final Parameter W, b;

    /** Input of the last forward, flattened to (N, in). */
    protected Tensor x;

    /** Shape of the last forward's input. */
    protected int[] originalShape;

    public ReferenceAffine(Tensor W, Tensor b) {
        this.W = new Parameter("W", W);
        this.b = new Parameter("b", b);
    }

    @Override
    public Tensor forward(Tensor x) {
        originalShape = x.shape();
        this.x = x.reshape(x.dim(0), x.size() / x.dim(0));
        return TensorOps.addRowVector(TensorOps.dot(this.x, W.value()), b.value());
    }

    @Override
    public Tensor backward(Tensor dout) {
        W.setGrad(dW(dout));
        Tensor db = db(dout);
        if (db != null) {
            b.setGrad(db);
        }
        return dx(dout);
    }

    /** {@code xᵀ·dout}. */
    protected Tensor dW(Tensor dout) {
        return TensorOps.dotTransA(x, dout);
    }

    /** {@code Σ_rows dout}; null leaves b's gradient unset. */
    protected Tensor db(Tensor dout) {
        return TensorOps.sumRows(dout);
    }

    /** {@code dout·Wᵀ}, in x's shape. */
    protected Tensor dx(Tensor dout) {
        return TensorOps.dotTransB(dout, W.value()).reshape(originalShape);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(W, b);
    }
}
