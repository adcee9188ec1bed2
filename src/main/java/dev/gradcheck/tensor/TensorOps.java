package dev.gradcheck.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The operations the layers need. Every method leaves its arguments unmodified and returns a new
 * tensor; sums run in a fixed order so results are bit-identical from run to run.
 *
 * <p>{@link #dot} uses {@link MatrixProduct} (EJML's bits, faster on the check's skinny shapes); the
 * transposed products wrap the row-major arrays in EJML's {@link DMatrixRMaj} without copying.
 */
public final class TensorOps {

    private TensorOps() {
    }

    /** {@code c = a·b} for a (m, k) and b (k, n). */
    public static Tensor dot(Tensor a, Tensor b) {
        requireMatrices("dot", a, b);
        if (a.dim(1) != b.dim(0)) {
            throw mismatch("dot(a, b)", a, b, "a's columns must equal b's rows");
        }
        Tensor c = Tensor.zeros(a.dim(0), b.dim(1));
        MatrixProduct.multiply(a.data(), b.data(), c.data(), a.dim(0), a.dim(1), b.dim(1));
        return c;
    }

    /** {@code c = aᵀ·b} for a (k, m) and b (k, n), without forming the transpose. */
    public static Tensor dotTransA(Tensor a, Tensor b) {
        requireMatrices("dotTransA", a, b);
        if (a.dim(0) != b.dim(0)) {
            throw mismatch("dotTransA(a, b)", a, b, "a and b must have the same number of rows");
        }
        Tensor c = Tensor.zeros(a.dim(1), b.dim(1));
        CommonOps_DDRM.multTransA(ejml(a), ejml(b), ejml(c));
        return c;
    }

    /** {@code c = a·bᵀ} for a (m, k) and b (n, k), without forming the transpose. */
    public static Tensor dotTransB(Tensor a, Tensor b) {
        requireMatrices("dotTransB", a, b);
        if (a.dim(1) != b.dim(1)) {
            throw mismatch("dotTransB(a, b)", a, b, "a and b must have the same number of columns");
        }
        Tensor c = Tensor.zeros(a.dim(0), b.dim(0));
        CommonOps_DDRM.multTransB(ejml(a), ejml(b), ejml(c));
        return c;
    }

    /** The transpose of a rank-2 tensor. */
    public static Tensor transpose(Tensor a) {
        a.requireRank(2, "transpose: a");
        int rows = a.dim(0);
        int cols = a.dim(1);
        Tensor t = Tensor.zeros(cols, rows);
        double[] src = a.data();
        double[] dst = t.data();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
        return t;
    }

    /** {@code a + v} with the rank-1 {@code v} added to every row of the rank-2 {@code a}. */
    public static Tensor addRowVector(Tensor a, Tensor v) {
        a.requireRank(2, "addRowVector: a");
        v.requireRank(1, "addRowVector: v");
        int cols = a.dim(1);
        if (v.dim(0) != cols) {
            throw mismatch("addRowVector(a, v)", a, v, "v's length must equal a's columns");
        }
        Tensor out = a.copy();
        double[] o = out.data();
        double[] w = v.data();
        for (int i = 0; i < o.length; i++) {
            o[i] += w[i % cols];
        }
        return out;
    }

    /** Sum over axis 0 of a rank-2 tensor: a rank-1 tensor with one entry per column. */
    public static Tensor sumRows(Tensor a) {
        a.requireRank(2, "sumRows: a");
        int cols = a.dim(1);
        Tensor s = Tensor.zeros(cols);
        double[] src = a.data();
        double[] dst = s.data();
        for (int i = 0; i < src.length; i++) {
            dst[i % cols] += src[i];
        }
        return s;
    }

    /** {@code f} applied to every element. */
    public static Tensor map(Tensor a, DoubleUnaryOperator f) {
        Tensor out = Tensor.zerosLike(a);
        double[] src = a.data();
        double[] dst = out.data();
        for (int i = 0; i < src.length; i++) {
            dst[i] = f.applyAsDouble(src[i]);
        }
        return out;
    }

    /** {@code f(a_i, b_i)} for every element of two tensors of the same shape. */
    public static Tensor zip(Tensor a, Tensor b, DoubleBinaryOperator f) {
        requireSameShape("zip(a, b)", a, b);
        Tensor out = Tensor.zerosLike(a);
        double[] x = a.data();
        double[] y = b.data();
        double[] dst = out.data();
        for (int i = 0; i < dst.length; i++) {
            dst[i] = f.applyAsDouble(x[i], y[i]);
        }
        return out;
    }

    /** Element-wise sum. */
    public static Tensor add(Tensor a, Tensor b) {
        return zip(a, b, Double::sum);
    }

    /** Element-wise (Hadamard) product. */
    public static Tensor multiply(Tensor a, Tensor b) {
        return zip(a, b, (x, y) -> x * y);
    }

    /** {@code s·a}. */
    public static Tensor scale(Tensor a, double s) {
        return map(a, x -> s * x);
    }

    /** {@code Σ a_i·b_i} over all elements, summed in index order. */
    public static double dotAll(Tensor a, Tensor b) {
        requireSameShape("dotAll(a, b)", a, b);
        double[] x = a.data();
        double[] y = b.data();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** Column index of the largest element of each row (the first one on ties). */
    public static int[] argmaxRows(Tensor a) {
        a.requireRank(2, "argmaxRows: a");
        int rows = a.dim(0);
        int cols = a.dim(1);
        double[] d = a.data();
        int[] best = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c < cols; c++) {
                if (d[r * cols + c] > d[r * cols + best[r]]) {
                    best[r] = c;
                }
            }
        }
        return best;
    }

    /** Fails with both shapes in the message unless {@code a} and {@code b} have the same shape. */
    public static void requireSameShape(String operation, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw mismatch(operation, a, b, "shapes must be equal");
        }
    }

    private static void requireMatrices(String operation, Tensor a, Tensor b) {
        a.requireRank(2, operation + ": a");
        b.requireRank(2, operation + ": b");
    }

    private static ShapeException mismatch(String operation, Tensor a, Tensor b, String rule) {
        return new ShapeException(operation + ": a has shape " + a.shapeString() + " and b has shape "
                + b.shapeString() + "; " + rule);
    }

    private static DMatrixRMaj ejml(Tensor t) {
        return DMatrixRMaj.wrap(t.dim(0), t.dim(1), t.data());
    }
}
