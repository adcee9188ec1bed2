package dev.gradcheck.layers;

import dev.gradcheck.tensor.Im2Col;
import dev.gradcheck.tensor.Tensor;

/**
 * Max pooling of an (N, C, H, W) batch over poolH × poolW windows at a given stride and zero padding;
 * the output is (N, C, outH, outW).
 *
 * <p>Forward lays the windows out with im2col, one window of one channel per row, and keeps the
 * position of each row's maximum (the first one on ties, as numpy's {@code argmax}; a NaN wins, so it
 * propagates). Backward routes each dout entry to that position and folds the rows back with col2im,
 * adding where windows overlap. Book §7.5, {@code common/layers.py} class {@code Pooling}. As in the
 * book, padding adds zeros, so a padded window's maximum is at least 0.
 *
 * <p>Where two elements of a window tie for the maximum, max is not differentiable (a kink): the
 * gradient checker skips such elements rather than failing them.
 */
public final class Pooling implements Layer {

    /** The window geometry. */
    private final Im2Col im2col;

    /** Elements per window. */
    private final int poolSize;

    /** Position of the maximum within each window row of the last forward, rows in (n, y, x, c) order. */
    private int[] argMax;

    /** Shapes of the last forward's x and output. */
    private int[] xShape, outShape;

    /** The book's {@code Pooling(pool_h, pool_w, stride, pad)}; its nets use 2 × 2 windows at stride 2. */
    public Pooling(int poolH, int poolW, int stride, int pad) {
        this.im2col = new Im2Col(poolH, poolW, stride, pad);
        this.poolSize = poolH * poolW;
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] out = im2col.outputSize(x.shape(), "Pooling.forward: x");
        double[] col = im2col.im2col(x).data();
        int windows = col.length / poolSize;
        int[] positions = new int[windows];
        Tensor rows = Tensor.zeros(windows / x.dim(1), x.dim(1));
        for (int r = 0; r < windows; r++) {
            positions[r] = argMax(col, r * poolSize);
            rows.set(r, col[r * poolSize + positions[r]]);
        }
        argMax = positions;
        xShape = x.shape();
        outShape = new int[] {x.dim(0), x.dim(1), out[0], out[1]};
        return Im2Col.rowsToImages(rows, x.dim(0), out[0], out[1]);
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(argMax, this);
        LayerState.requireShape("dout", dout, outShape, this);
        double[] d = Im2Col.imagesToRows(dout).data();
        Tensor dcol = Tensor.zeros(d.length / xShape[1], xShape[1] * poolSize);
        for (int r = 0; r < d.length; r++) {
            dcol.set(r * poolSize + argMax[r], d[r]);
        }
        return im2col.col2im(dcol, xShape);
    }

    /** Offset of the largest of the poolSize values from {@code from}: the first on ties, the first NaN if any. */
    private int argMax(double[] col, int from) {
        int best = 0;
        for (int i = 1; i < poolSize && !Double.isNaN(col[from + best]); i++) {
            double v = col[from + i];
            if (v > col[from + best] || Double.isNaN(v)) {
                best = i;
            }
        }
        return best;
    }
}
