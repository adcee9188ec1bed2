package dev.gradcheck.layers;

import dev.gradcheck.tensor.Im2Col;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/**
 * Convolution of an (N, C, H, W) batch with FN filters W (FN, C, FH, FW) and a bias b (FN), at a
 * given stride and zero padding; the output is (N, FN, outH, outW).
 *
 * <p>Forward: {@code col = im2col(x)} and {@code out = col·W_flatᵀ + b}, W_flat being W as (FN, C·FH·FW).
 * Backward: {@code db = Σ_rows dout}, {@code dW = doutᵀ·col}, {@code dx = col2im(dout·W_flat)}, with
 * dout laid out as (N·outH·outW, FN). Book §7.4.3, {@code common/layers.py} class {@code Convolution}.
 */
public final class Convolution implements Layer {

    /** Filters (FN, C, FH, FW) and bias (FN). */
    private final Parameter W, b;

    /** The window geometry: FH × FW at the layer's stride and pad. */
    private final Im2Col im2col;

    /** im2col of the last forward's x, (N·outH·outW, C·FH·FW). */
    private Tensor col;

    /** Shapes of the last forward's x and output. */
    private int[] xShape, outShape;

    /** A layer with parameters named {@code W} and {@code b}. */
    public Convolution(Tensor W, Tensor b, int stride, int pad) {
        this(new Parameter("W", W), new Parameter("b", b), stride, pad);
    }

    /** A layer using shared parameters, as a net's {@code params} holds them. */
    public Convolution(Parameter W, Parameter b, int stride, int pad) {
        W.value().requireRank(4, "Convolution: " + W.name() + " (FN, C, FH, FW)");
        b.value().requireRank(1, "Convolution: " + b.name());
        if (b.value().dim(0) != W.value().dim(0)) {
            throw new ShapeException("Convolution: " + b.name() + " has shape " + b.value().shapeString() + " but "
                    + W.name() + " has shape " + W.value().shapeString() + "; b needs one entry per filter");
        }
        this.W = W;
        this.b = b;
        this.im2col = new Im2Col(W.value().dim(2), W.value().dim(3), stride, pad);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] out = im2col.outputSize(x.shape(), "Convolution.forward: x");
        if (x.dim(1) != W.value().dim(1)) {
            throw new ShapeException("Convolution.forward: x has shape " + x.shapeString() + " but " + W.name()
                    + " has shape " + W.value().shapeString() + "; x's channels (axis 1) must equal W's (axis 1)");
        }
        col = im2col.im2col(x);
        xShape = x.shape();
        outShape = new int[] {x.dim(0), filters(), out[0], out[1]};
        Tensor rows = TensorOps.addRowVector(TensorOps.dotTransB(col, flatW()), b.value());
        return Im2Col.rowsToImages(rows, x.dim(0), out[0], out[1]);
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(col, this);
        LayerState.requireShape("dout", dout, outShape, this);
        Tensor rows = Im2Col.imagesToRows(dout);
        b.setGrad(TensorOps.sumRows(rows));
        W.setGrad(TensorOps.dotTransA(rows, col).reshape(W.value().shape()));
        return im2col.col2im(TensorOps.dot(rows, flatW()), xShape);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(W, b);
    }

    private int filters() {
        return W.value().dim(0);
    }

    /** W seen as (FN, C·FH·FW), sharing its data. */
    private Tensor flatW() {
        return W.value().reshape(filters(), W.value().size() / filters());
    }
}
