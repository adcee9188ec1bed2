package dev.gradcheck.tensor;

/**
 * The matrix product {@code c = a·b} on row-major arrays, tuned for the gradient check's skinny
 * shapes (a few batch rows times a tall weight matrix, 3 × 784 · 784 × 50 in the book's check).
 *
 * <p>Java 17's JIT does not vectorise the textbook loop {@code c[i*n + j] += a[i*k + p]·b[p*n + j]}
 * on flat arrays: it cannot rule out that c and b are one array read and written at different
 * offsets. Two kernels get round that:
 * <ul>
 *   <li>{@link #multiply} (flat arrays, used by {@link TensorOps#dot}): register tiles of 3 rows of a
 *       by 4 columns of b keep their 12 sums in local variables while p runs, so b is read once for
 *       every 3 batch rows, at one multiply-add per cycle.</li>
 *   <li>{@link #multiplyRows} (b and c as arrays of rows, used by the check's workspaces): every row
 *       of b is read once for all batch rows, and {@code c_i[j] = (((c_i[j] + a_ip·b_p[j]) +
 *       a_iq·b_q[j]) + ...)} for four rows p, q, ... of b at a time indexes every array by j alone,
 *       which the JIT vectorises. Given a finite b it skips groups of four zeros of a, exactly.</li>
 * </ul>
 * Measured by thread CPU time on the book's 3 × 784 · 784 × 50 ({@code CpuTimeComparison}, on a
 * loaded machine): EJML 52 µs, the textbook loop 52 µs, the tiles 31–37 µs, rows 15 µs
 * (dense random a).
 *
 * <p>Every {@code c[i][j]} is the sum of {@code a[i][p]·b[p][j]} in increasing p, one product and
 * one addition at a time, exactly as EJML's {@code CommonOps_DDRM.mult} sums it (EJML assigns the
 * first product when b has one column or at least 15, and adds it to 0.0 otherwise; so does this
 * class, so even the sign of a zero matches). The bits are EJML's, which {@code MatrixProductTests}
 * asserts for both kernels; switching {@link TensorOps#dot} to this class changed no result.
 */
public final class MatrixProduct {

    /** EJML's {@code EjmlParameters.MULT_COLUMN_SWITCH}: from this many columns of b on, the first term is assigned. */
    static final int ASSIGN_FIRST_FROM_COLUMNS = 15;

    private MatrixProduct() {
    }

    /**
     * {@code c = a·b} for a (m, k), b (k, n), c (m, n), all row-major.
     *
     * @param a not modified
     * @param b not modified
     * @param c modified: overwritten with the product; must not be a or b
     */
    public static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        boolean assignFirst = n >= ASSIGN_FIRST_FROM_COLUMNS || n == 1;
        int i = 0;
        for (; i + 3 <= m; i += 3) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                tile3x4(a, b, c, i, j, k, n, assignFirst);
            }
            for (; j < n; j++) {
                for (int r = i; r < i + 3; r++) {
                    c[r * n + j] = single(a, b, r, j, k, n, assignFirst);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = single(a, b, i, j, k, n, assignFirst);
            }
        }
    }

    /** Rows i..i+2, columns j..j+3 of c. */
    private static void tile3x4(double[] a, double[] b, double[] c, int i, int j, int k, int n, boolean assignFirst) {
        int r0 = i * k, r1 = r0 + k, r2 = r1 + k;
        double x0 = a[r0], x1 = a[r1], x2 = a[r2];
        double b0 = b[j], b1 = b[j + 1], b2 = b[j + 2], b3 = b[j + 3];
        double c00 = first(x0 * b0, assignFirst), c01 = first(x0 * b1, assignFirst);
        double c02 = first(x0 * b2, assignFirst), c03 = first(x0 * b3, assignFirst);
        double c10 = first(x1 * b0, assignFirst), c11 = first(x1 * b1, assignFirst);
        double c12 = first(x1 * b2, assignFirst), c13 = first(x1 * b3, assignFirst);
        double c20 = first(x2 * b0, assignFirst), c21 = first(x2 * b1, assignFirst);
        double c22 = first(x2 * b2, assignFirst), c23 = first(x2 * b3, assignFirst);
        for (int p = 1, bp = n + j; p < k; p++, bp += n) {
            x0 = a[r0 + p];
            x1 = a[r1 + p];
            x2 = a[r2 + p];
            b0 = b[bp];
            b1 = b[bp + 1];
            b2 = b[bp + 2];
            b3 = b[bp + 3];
            c00 += x0 * b0;
            c01 += x0 * b1;
            c02 += x0 * b2;
            c03 += x0 * b3;
            c10 += x1 * b0;
            c11 += x1 * b1;
            c12 += x1 * b2;
            c13 += x1 * b3;
            c20 += x2 * b0;
            c21 += x2 * b1;
            c22 += x2 * b2;
            c23 += x2 * b3;
        }
        int o = i * n + j;
        c[o] = c00;
        c[o + 1] = c01;
        c[o + 2] = c02;
        c[o + 3] = c03;
        c[o + n] = c10;
        c[o + n + 1] = c11;
        c[o + n + 2] = c12;
        c[o + n + 3] = c13;
        c[o + 2 * n] = c20;
        c[o + 2 * n + 1] = c21;
        c[o + 2 * n + 2] = c22;
        c[o + 2 * n + 3] = c23;
    }

    /** One element {@code c[i][j]} of {@link #multiply}. */
    private static double single(double[] a, double[] b, int i, int j, int k, int n, boolean assignFirst) {
        int ri = i * k;
        double s = first(a[ri] * b[j], assignFirst);
        for (int p = 1, bp = n + j; p < k; p++, bp += n) {
            s += a[ri + p] * b[bp];
        }
        return s;
    }

    /** The running sum after the first term: the term itself, or {@code 0.0 + term} (which turns -0.0 into 0.0). */
    private static double first(double term, boolean assign) {
        return assign ? term : 0.0 + term;
    }

    /**
     * {@code c = a·b} for a (m, k) row-major, b as k rows of length n, c as m rows of length n.
     *
     * <p>With {@code bFinite} (the caller knows every element of b is finite) it skips, for each row
     * of a, the groups of four consecutive p whose {@code a[i][p]} are all zero: images and Relu
     * outputs are half zeros. The result keeps EJML's bits: a skipped term is a product of zero and
     * a finite number, ±0, and adding ±0 to a partial sum changes nothing unless the partial sum is
     * itself zero, where only the sign of that zero can differ; a partial sum that reaches a non-zero
     * value is then the same with or without the skipped terms. So the sums that end non-zero are
     * exact, and the few that end zero are recomputed without skipping.
     *
     * @param a       not modified
     * @param bRows   not modified
     * @param cRows   modified: overwritten with the product; no row may be a row of b
     * @param bFinite whether every element of b is finite; if not, nothing is skipped (0·∞ is NaN)
     */
    public static void multiplyRows(double[] a, double[][] bRows, double[][] cRows, int m, int k, int n, boolean bFinite) {
        boolean assignFirst = n >= ASSIGN_FIRST_FROM_COLUMNS || n == 1;
        double[] b0 = bRows[0];
        for (int i = 0; i < m; i++) {
            double x = a[i * k];
            double[] ci = cRows[i];
            for (int j = 0; j < n; j++) {
                ci[j] = first(x * b0[j], assignFirst);
            }
        }
        int p = 1;
        for (; p + 4 <= k; p += 4) {
            double[] bp = bRows[p], bq = bRows[p + 1], br = bRows[p + 2], bs = bRows[p + 3];
            for (int i = 0; i < m; i++) {
                int ai = i * k + p;
                double xp = a[ai], xq = a[ai + 1], xr = a[ai + 2], xs = a[ai + 3];
                if (bFinite && xp == 0 && xq == 0 && xr == 0 && xs == 0) {
                    continue;
                }
                double[] ci = cRows[i];
                for (int j = 0; j < n; j++) {
                    ci[j] = (((ci[j] + xp * bp[j]) + xq * bq[j]) + xr * br[j]) + xs * bs[j];
                }
            }
        }
        for (; p < k; p++) {
            double[] bp = bRows[p];
            for (int i = 0; i < m; i++) {
                double x = a[i * k + p];
                double[] ci = cRows[i];
                for (int j = 0; j < n; j++) {
                    ci[j] += x * bp[j];
                }
            }
        }
        if (bFinite) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    if (cRows[i][j] == 0) {
                        cRows[i][j] = single(a, bRows, i, j, k, assignFirst);
                    }
                }
            }
        }
    }

    /** One element {@code c[i][j]} of {@link #multiplyRows}, every term added. */
    private static double single(double[] a, double[][] bRows, int i, int j, int k, boolean assignFirst) {
        int ri = i * k;
        double s = first(a[ri] * bRows[0][j], assignFirst);
        for (int p = 1; p < k; p++) {
            s += a[ri + p] * bRows[p][j];
        }
        return s;
    }

    /** The rows of a row-major (rows, cols) matrix as separate arrays (copies). */
    public static double[][] rows(double[] flat, int rows, int cols) {
        double[][] r = new double[rows][];
        for (int i = 0; i < rows; i++) {
            r[i] = java.util.Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return r;
    }
}
