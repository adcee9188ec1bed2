package dev.gradcheck.layers;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;

/**
 * Labels for a batch, given either as one-hot rows or as class indices (the book accepts both).
 * Both forms become the same one-hot tensor, so a loss gives identical bits for either.
 */
public final class Labels {

    /** One-hot rows (N, classes), or null when given as indices. */
    private final Tensor oneHot;

    /** Class index per row, or null when given as one-hot rows. */
    private final int[] indices;

    private Labels(Tensor oneHot, int[] indices) {
        this.oneHot = oneHot;
        this.indices = indices;
    }

    /** Labels as rows of class probabilities; each row must be non-negative and sum to 1. */
    public static Labels oneHot(Tensor t) {
        t.requireRank(2, "one-hot labels t");
        int classes = t.dim(1);
        for (int r = 0; r < t.dim(0); r++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double v = t.get(r, c);
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("one-hot labels t: element " + t.indexString(r * classes + c)
                            + " is " + v + "; labels must be finite and non-negative");
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("one-hot labels t: row " + r + " sums to " + sum + ", not 1");
            }
        }
        return new Labels(t.copy(), null);
    }

    /** Labels as one class index per row. */
    public static Labels indices(int... classIndices) {
        if (classIndices.length == 0) {
            throw new IllegalArgumentException("labels need at least one row");
        }
        for (int r = 0; r < classIndices.length; r++) {
            if (classIndices[r] < 0) {
                throw new IllegalArgumentException("label at row " + r + " is " + classIndices[r] + "; class indices are >= 0");
            }
        }
        return new Labels(null, classIndices.clone());
    }

    /** Number of rows. */
    public int count() {
        return oneHot != null ? oneHot.dim(0) : indices.length;
    }

    /** The class of each row: the index, or the argmax of the one-hot row. */
    public int classOf(int row) {
        if (indices != null) {
            return indices[row];
        }
        int classes = oneHot.dim(1);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (oneHot.get(row, c) > oneHot.get(row, best)) {
                best = c;
            }
        }
        return best;
    }

    /** These labels as one-hot rows over {@code classes} classes; fails if they do not fit. */
    public Tensor toOneHot(int classes) {
        if (oneHot != null) {
            if (oneHot.dim(1) != classes) {
                throw new ShapeException("one-hot labels have " + oneHot.dim(1) + " classes but the scores have " + classes);
            }
            return oneHot.copy();
        }
        Tensor t = Tensor.zeros(indices.length, classes);
        for (int r = 0; r < indices.length; r++) {
            if (indices[r] >= classes) {
                throw new IllegalArgumentException("label at row " + r + " is " + indices[r]
                        + " but the scores have only " + classes + " classes");
            }
            t.set(r * classes + indices[r], 1.0);
        }
        return t;
    }
}
