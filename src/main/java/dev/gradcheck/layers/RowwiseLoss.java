package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * A loss that is the mean over the batch of a function of one row of scores and its one-hot target,
 * written a second time in forward-mode automatic-differentiation arithmetic (Commons Math's
 * {@link DerivativeStructure}): the exact oracle for the loss's gradient, as {@link Elementwise} is
 * for element-wise layers.
 */
public interface RowwiseLoss extends LossLayer {

    /** The loss of one row of scores against its target row, in forward-mode arithmetic. */
    DerivativeStructure rowLoss(DerivativeStructure[] scores, double[] target);

    /** The loss of scores x (N, classes) against one-hot targets t, computed by the twin. */
    default double twinLoss(Tensor x, Tensor t) {
        int rows = x.dim(0), cols = x.dim(1);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += rowLoss(row(x, r, cols, -1), target(t, r, cols)).getValue();
        }
        return total / rows;
    }

    /** The exact dL/dx of the mean loss, one forward-mode pass per score; x and t are not modified. */
    default Tensor exactGradient(Tensor x, Tensor t) {
        int rows = x.dim(0), cols = x.dim(1);
        Tensor dx = Tensor.zerosLike(x);
        for (int r = 0; r < rows; r++) {
            double[] target = target(t, r, cols);
            for (int c = 0; c < cols; c++) {
                dx.set(r * cols + c, rowLoss(row(x, r, cols, c), target).getPartialDerivative(1) / rows);
            }
        }
        return dx;
    }

    /** Row r of x as constants, except column {@code free} (if ≥ 0), the one free parameter. */
    private static DerivativeStructure[] row(Tensor x, int r, int cols, int free) {
        DerivativeStructure[] row = new DerivativeStructure[cols];
        for (int c = 0; c < cols; c++) {
            double v = x.get(r * cols + c);
            row[c] = c == free ? new DerivativeStructure(1, 1, 0, v) : new DerivativeStructure(1, 1, v);
        }
        return row;
    }

    private static double[] target(Tensor t, int r, int cols) {
        double[] target = new double[cols];
        System.arraycopy(t.data(), r * cols, target, 0, cols);
        return target;
    }
}
