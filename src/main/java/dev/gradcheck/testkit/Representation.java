package dev.gradcheck.testkit;

import dev.gradcheck.check.ContractViolation;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How a user's layer holds a batch: {@code double[][]} or a Commons Math {@link RealMatrix}, both
 * (rows, columns). Conversions copy in both directions, so the user's layer never sees a tensor the
 * checker perturbs, and the checker never keeps an array the user's layer may change later.
 *
 * @param <M> the user's type
 */
abstract class Representation<M> {

    /** Rows of {@code double}. */
    static final Representation<double[][]> ARRAYS = new Representation<>() {
        @Override
        double[][] toUser(Tensor t, String what) {
            t.requireRank(2, what);
            double[][] rows = new double[t.dim(0)][t.dim(1)];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(t.data(), r * t.dim(1), rows[r], 0, t.dim(1));
            }
            return rows;
        }

        @Override
        Tensor fromUser(double[][] rows, String what) {
            if (rows == null) {
                throw new ContractViolation(what + " is null");
            }
            if (rows.length == 0) {
                throw new ShapeException(what + " has no rows");
            }
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) {
                    throw new ContractViolation(what + ": row " + r + " is null");
                }
                if (rows[r].length != rows[0].length) {
                    throw new ShapeException(what + " is ragged: row " + r + " has " + rows[r].length
                            + " elements but row 0 has " + rows[0].length);
                }
            }
            if (rows[0].length == 0) {
                throw new ShapeException(what + " has rows of no elements");
            }
            return Tensor.matrix(rows);
        }

        @Override
        boolean shareStorage(double[][] a, double[][] b) {
            if (a == b) {
                return true;
            }
            for (double[] rowOfA : a) {
                for (double[] rowOfB : b) {
                    if (rowOfA == rowOfB) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    /** Commons Math matrices. */
    static final Representation<RealMatrix> MATRICES = new Representation<>() {
        @Override
        RealMatrix toUser(Tensor t, String what) {
            return new Array2DRowRealMatrix(ARRAYS.toUser(t, what), false);
        }

        @Override
        Tensor fromUser(RealMatrix m, String what) {
            if (m == null) {
                throw new ContractViolation(what + " is null");
            }
            return ARRAYS.fromUser(m.getData(), what);
        }

        @Override
        boolean shareStorage(RealMatrix a, RealMatrix b) {
            return a == b || (a instanceof Array2DRowRealMatrix x && b instanceof Array2DRowRealMatrix y
                    && ARRAYS.shareStorage(x.getDataRef(), y.getDataRef()));
        }
    };

    /** A new {@code M} holding {@code t}, a matrix; fails naming {@code what} for another rank. */
    abstract M toUser(Tensor t, String what);

    /** A new tensor holding {@code m}; fails naming {@code what} if m is null, empty or ragged. */
    abstract Tensor fromUser(M m, String what);

    /** Whether writing into one of {@code a} and {@code b} can change the other (same object, or a shared row). */
    abstract boolean shareStorage(M a, M b);

    /**
     * Fails unless {@code m}, handed to the user's {@code step}, still holds {@code original}: the
     * check a layer on tensors gets from the checker, done here because the layer saw a copy.
     */
    void requireUnmodified(Tensor original, M m, String step, String what) {
        Bits.requireUnmodified(original, fromUser(m, step + "'s argument " + what), step, what, "argument");
    }
}
