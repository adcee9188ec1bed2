package dev.gradcheck.tensor;

/**
 * The matrix product {@code c = a·b} on row-major arrays, tuned for the gradient check's skinny
 * shapes (a few batch rows times a tall weight matrix): b is read once, row by row, for all rows of
 * a, and the innermost loop runs along a row of b and c, which the JIT vectorises.
 *
 * <p>Every {@code c[i][j]} is the sum of {@code a[i][p]·b[p][j]} in increasing p, one product and
 * one addition at a time, exactly as EJML's {@code CommonOps_DDRM.mult} sums it (EJML assigns the
 * first product when b has one column or at least 15, and adds it to 0.0 otherwise; so does this
 * class, so even the sign of a zero matches).
 * The bits are therefore EJML's, which {@code MatrixProductTests} asserts.
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
        int start;
        if (n >= ASSIGN_FIRST_FROM_COLUMNS || n == 1) {
            for (int i = 0; i < m; i++) {
                double aip = a[i * k];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = aip * b[j];
                }
            }
            start = 1;
        } else {
            java.util.Arrays.fill(c, 0, m * n, 0.0);
            start = 0;
        }
        for (int p = start; p < k; p++) {
            int bp = p * n;
            for (int i = 0; i < m; i++) {
                double aip = a[i * k + p];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }
}
