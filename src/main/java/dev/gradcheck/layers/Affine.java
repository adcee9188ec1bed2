package dev.gradcheck.layers;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/**
 * Fully connected layer {@code out = x·W + b} for a batch x of shape (N, in).
 *
 * <p>Backward: {@code dx = dout·Wᵀ}, {@code dW = xᵀ·dout}, {@code db = Σ_rows dout}. Input of
 * higher rank (images (N, C, H, W)) is flattened to (N, -1) and dx is reshaped back. Book §5.6.
 * For fast checks it describes how its output changes when one element changes ({@link AffineWorkspace}).
 */
public final class Affine implements IncrementalLayer {

    /** Weights (in, out) and bias (out). */
    private final Parameter W, b;

    /** Input of the last forward, flattened to (N, in). */
    private Tensor x;

    /** Shape of the last forward's input before flattening. */
    private int[] originalShape;

    /** A layer with parameters named {@code W} and {@code b}. */
    public Affine(Tensor W, Tensor b) {
        this(new Parameter("W", W), new Parameter("b", b));
    }

    /** A layer using shared parameters, as a net's {@code params} holds them. */
    public Affine(Parameter W, Parameter b) {
        W.value().requireRank(2, "Affine: " + W.name());
        b.value().requireRank(1, "Affine: " + b.name());
        if (b.value().dim(0) != W.value().dim(1)) {
            throw new ShapeException("Affine: " + b.name() + " has shape " + b.value().shapeString() + " but "
                    + W.name() + " has shape " + W.value().shapeString() + "; b needs one entry per column of W");
        }
        this.W = W;
        this.b = b;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() < 2) {
            throw new ShapeException("Affine.forward: x must be a batch (N, ...) but has shape " + x.shapeString());
        }
        int rows = x.dim(0);
        int features = x.size() / rows;
        if (features != W.value().dim(0)) {
            throw new ShapeException("Affine.forward: x has shape " + x.shapeString() + " (" + features
                    + " features per row) but " + W.name() + " has shape " + W.value().shapeString()
                    + "; x's features must equal W's rows");
        }
        this.originalShape = x.shape();
        this.x = x.reshape(rows, features);
        return TensorOps.addRowVector(TensorOps.dot(this.x, W.value()), b.value());
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(x, this);
        LayerState.requireShape("dout", dout, new int[] {x.dim(0), W.value().dim(1)}, this);
        W.setGrad(TensorOps.dotTransA(x, dout));
        b.setGrad(TensorOps.sumRows(dout));
        return TensorOps.dotTransB(dout, W.value()).reshape(originalShape);
    }

    @Override
    public LayerWorkspace workspace(int[] inputShape) {
        int rows = inputShape[0];
        int features = 1;
        for (int axis = 1; axis < inputShape.length; axis++) {
            features *= inputShape[axis];
        }
        if (inputShape.length < 2 || features != W.value().dim(0)) {
            throw new ShapeException("Affine.workspace: input shape " + Shapes.format(inputShape)
                    + " does not fit " + W.name() + " of shape " + W.value().shapeString());
        }
        return new AffineWorkspace(rows, W.value().data().clone(), b.value().data().clone(), features, W.value().dim(1));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(W, b);
    }
}
