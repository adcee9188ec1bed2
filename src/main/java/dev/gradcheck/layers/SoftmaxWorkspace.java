package dev.gradcheck.layers;

/**
 * One thread's evaluation of {@link SoftmaxWithLoss}: the loss is the mean of per-row losses, so a
 * change of some scores recomputes only the rows it touches, with forward's own row code, and sums
 * the rows in forward's order. The result has the bits of a full forward of the changed scores.
 */
final class SoftmaxWorkspace implements LossWorkspace {

    private final int rows, cols;

    /** One-hot labels (rows, cols). */
    private final double[] t;

    /** Softmax output of a full forward; required by the row code, unused otherwise. */
    private final double[] y;

    /** Loss of each row at the base point. */
    private final double[] rowLoss;

    /** Loss of each row touched by the change being evaluated. */
    private final double[] changedLoss;

    /** Whether row r is touched by the change being evaluated. */
    private final boolean[] touched;

    /** Scores, softmax and labels of one changed row. */
    private final double[] rowX, rowY, rowT;

    /** The base scores. */
    private double[] scores;

    SoftmaxWorkspace(int rows, int cols, double[] t) {
        this.rows = rows;
        this.cols = cols;
        this.t = t;
        this.y = new double[rows * cols];
        this.rowLoss = new double[rows];
        this.changedLoss = new double[rows];
        this.touched = new boolean[rows];
        this.rowX = new double[cols];
        this.rowY = new double[cols];
        this.rowT = new double[cols];
    }

    @Override
    public double forward(double[] x) {
        scores = x;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            rowLoss[r] = SoftmaxWithLoss.softmaxRow(x, y, t, r, cols);
            total += rowLoss[r];
        }
        return total / rows;
    }

    @Override
    public double lossWith(Change change) {
        int k = 0;
        while (k < change.count()) {
            int r = change.index(k) / cols;
            System.arraycopy(scores, r * cols, rowX, 0, cols);
            System.arraycopy(t, r * cols, rowT, 0, cols);
            for (; k < change.count() && change.index(k) / cols == r; k++) {
                rowX[change.index(k) - r * cols] = change.value(k);
            }
            changedLoss[r] = SoftmaxWithLoss.softmaxRow(rowX, rowY, rowT, 0, cols);
            touched[r] = true;
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += touched[r] ? changedLoss[r] : rowLoss[r];
            touched[r] = false;
        }
        return total / rows;
    }
}
