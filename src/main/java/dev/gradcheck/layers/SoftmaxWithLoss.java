package dev.gradcheck.layers;

import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * Softmax followed by cross-entropy, averaged over the batch.
 *
 * <p>Forward: {@code y = softmax(x)} row by row and {@code loss = -Σ t·log y / N}; backward:
 * {@code dx = dout·(y - t) / N}. Book §5.6.3. The loss is computed as
 * {@code log Σ exp(x - max) - (x - max)} per row (log-softmax), which never takes log(0) and
 * never overflows; unlike the book's {@code log(y + 1e-7)} it is exactly the function whose
 * gradient backward returns, so the check is not blurred by a 1e-7/y relative error.
 * {@link #rowLoss} is the same loss in forward-mode arithmetic, the exact oracle.
 */
public final class SoftmaxWithLoss implements RowwiseLoss, IncrementalLossLayer {

    /** Softmax output of the last forward. */
    private Tensor y;

    /** One-hot labels of the last forward. */
    private Tensor t;

    @Override
    public double forward(Tensor x, Labels labels) {
        x.requireRank(2, "SoftmaxWithLoss.forward: x");
        if (labels.count() != x.dim(0)) {
            throw new IllegalArgumentException("SoftmaxWithLoss.forward: x has " + x.dim(0)
                    + " rows but there are " + labels.count() + " labels");
        }
        t = labels.toOneHot(x.dim(1));
        y = Tensor.zerosLike(x);
        int rows = x.dim(0);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += softmaxRow(x.data(), y.data(), t.data(), r, x.dim(1));
        }
        return total / rows;
    }

    @Override
    public Tensor backward(double dout) {
        LayerState.requireForward(y, this);
        int rows = y.dim(0);
        Tensor dx = Tensor.zerosLike(y);
        double[] yd = y.data();
        double[] td = t.data();
        double[] d = dx.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = dout * (yd[i] - td[i]) / rows;
        }
        return dx;
    }

    /** {@code log Σ exp(x - max) + max - Σ t·x}: the row's cross-entropy, in forward-mode arithmetic. */
    @Override
    public DerivativeStructure rowLoss(DerivativeStructure[] scores, double[] target) {
        double max = scores[0].getValue();
        for (DerivativeStructure s : scores) {
            max = Math.max(max, s.getValue());
        }
        DerivativeStructure sum = scores[0].subtract(max).exp();
        for (int c = 1; c < scores.length; c++) {
            sum = sum.add(scores[c].subtract(max).exp());
        }
        DerivativeStructure logSumExp = sum.log().add(max);
        DerivativeStructure loss = scores[0].multiply(0.0);
        for (int c = 0; c < scores.length; c++) {
            if (target[c] != 0) {
                loss = loss.add(logSumExp.subtract(scores[c]).multiply(target[c]));
            }
        }
        return loss;
    }

    @Override
    public LossWorkspace workspace(int[] scoreShape, Labels labels) {
        if (scoreShape.length != 2 || labels.count() != scoreShape[0]) {
            throw new IllegalArgumentException("SoftmaxWithLoss.workspace: scores of shape " + Shapes.format(scoreShape)
                    + " do not fit " + labels.count() + " labels");
        }
        return new SoftmaxWorkspace(scoreShape[0], scoreShape[1], labels.toOneHot(scoreShape[1]).data());
    }

    /** Softmax of each row of x, stable for large inputs. */
    public static Tensor softmax(Tensor x) {
        x.requireRank(2, "softmax: x");
        Tensor y = Tensor.zerosLike(x);
        for (int r = 0; r < x.dim(0); r++) {
            softmaxRow(x.data(), y.data(), null, r, x.dim(1));
        }
        return y;
    }

    /** Writes softmax of row r into y and returns that row's cross-entropy against t (0 if t is null). */
    static double softmaxRow(double[] x, double[] y, double[] t, int r, int cols) {
        int from = r * cols;
        double max = x[from];
        for (int c = 1; c < cols; c++) {
            max = Math.max(max, x[from + c]);
        }
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            y[from + c] = StrictMath.exp(x[from + c] - max);
            sum += y[from + c];
        }
        double logSum = StrictMath.log(sum);
        double loss = 0;
        for (int c = 0; c < cols; c++) {
            y[from + c] /= sum;
            if (t != null && t[from + c] != 0) {
                loss += t[from + c] * (logSum - (x[from + c] - max));
            }
        }
        return loss;
    }
}
