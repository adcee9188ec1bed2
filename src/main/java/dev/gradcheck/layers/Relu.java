package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * Rectified linear unit {@code out = max(x, 0)}, element-wise.
 *
 * <p>Forward keeps a mask of {@code x <= 0}; backward passes dout where x was positive and 0
 * elsewhere. The book writes those zeros into dout itself; this layer returns a new tensor.
 * Book §5.5.1. {@link #apply} is the same function in forward-mode arithmetic, the exact oracle away
 * from the kink at 0.
 */
public final class Relu implements Elementwise, IncrementalLayer {

    /** Element i is true where the last forward's x was {@code <= 0}. */
    private boolean[] mask;

    /** Shape of the last forward's input. */
    private int[] shape;

    @Override
    public Tensor forward(Tensor x) {
        double[] in = x.data();
        mask = new boolean[in.length];
        shape = x.shape();
        Tensor out = Tensor.zerosLike(x);
        double[] o = out.data();
        for (int i = 0; i < in.length; i++) {
            mask[i] = in[i] <= 0;
            o[i] = relu(in[i]);
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(mask, this);
        LayerState.requireShape("dout", dout, shape, this);
        Tensor dx = Tensor.zerosLike(dout);
        double[] d = dout.data();
        double[] o = dx.data();
        for (int i = 0; i < d.length; i++) {
            o[i] = mask[i] ? 0.0 : d[i];
        }
        return dx;
    }

    @Override
    public DerivativeStructure apply(DerivativeStructure x) {
        return x.getValue() > 0 ? x : x.multiply(0.0);
    }

    /** Everywhere but at the kink, 0. */
    @Override
    public boolean differentiableAt(double x) {
        return x != 0;
    }

    @Override
    public LayerWorkspace workspace(int[] inputShape) {
        return new ElementwiseWorkspace(inputShape, Relu::relu);
    }

    /** {@code max(x, 0)}, with 0 for x <= 0 (so -0.0 gives 0.0) and NaN for NaN. */
    static double relu(double x) {
        return x <= 0 ? 0.0 : x;
    }
}
