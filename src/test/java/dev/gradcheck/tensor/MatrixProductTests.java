package dev.gradcheck.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written product gives EJML's bits, so the fast check is bit-identical to the plain one. */
class MatrixProductTests {

    @ParameterizedTest(name = "({0}, {1}) · ({1}, {2})")
    @CsvSource({"3, 784, 50", "3, 50, 10", "1, 1, 1", "4, 7, 1", "5, 3, 14", "5, 3, 15", "2, 9, 16", "30, 40, 50", "7, 5, 6", "2, 4, 3"})
    void productHasEjmlBits(int m, int k, int n) {
        Tensor a = withZeros(TestTensors.gaussian(m * 100L + k, 1, m, k));
        Tensor b = withZeros(TestTensors.gaussian(n * 7L + k, 1, k, n));
        Tensor c = Tensor.zeros(m, n);
        MatrixProduct.multiply(a.data(), b.data(), c.data(), m, k, n);
        Tensor expected = ejml(a, b);
        assertTrue(c.sameBits(expected), () -> "differs from EJML: " + c + " vs " + expected);
        assertTrue(TensorOps.dot(a, b).sameBits(expected), "TensorOps.dot");
        assertTrue(byRows(a, b).sameBits(expected), "multiplyRows");
    }

    @ParameterizedTest(name = "{0} columns")
    @CsvSource({"1", "14", "15", "50"})
    void productOfNegativeZerosHasEjmlSignOfZero(int n) {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(3, n);
        java.util.Arrays.fill(a.data(), -0.0);
        java.util.Arrays.fill(b.data(), 1.0);
        Tensor c = Tensor.zeros(2, n);
        MatrixProduct.multiply(a.data(), b.data(), c.data(), 2, 3, n);
        assertTrue(c.sameBits(ejml(a, b)), () -> "sign of zero differs from EJML for " + n + " columns: " + c);
        assertTrue(byRows(a, b).sameBits(ejml(a, b)), "multiplyRows, " + n + " columns");
    }

    private static Tensor ejml(Tensor a, Tensor b) {
        Tensor c = Tensor.zeros(a.dim(0), b.dim(1));
        org.ejml.dense.row.CommonOps_DDRM.mult(org.ejml.data.DMatrixRMaj.wrap(a.dim(0), a.dim(1), a.data()),
                org.ejml.data.DMatrixRMaj.wrap(b.dim(0), b.dim(1), b.data()), org.ejml.data.DMatrixRMaj.wrap(c.dim(0), c.dim(1), c.data()));
        return c;
    }

    private static Tensor byRows(Tensor a, Tensor b) {
        return byRows(a, b, true);
    }

    private static Tensor byRows(Tensor a, Tensor b, boolean bFinite) {
        int m = a.dim(0), k = a.dim(1), n = b.dim(1);
        double[][] c = new double[m][n];
        MatrixProduct.multiplyRows(a.data(), MatrixProduct.rows(b.data(), k, n), c, m, k, n, bFinite);
        Tensor t = Tensor.zeros(m, n);
        for (int i = 0; i < m; i++) {
            System.arraycopy(c[i], 0, t.data(), i * n, n);
        }
        return t;
    }

    @ParameterizedTest(name = "{0} columns")
    @CsvSource({"1", "10", "15", "50"})
    void skippingZerosKeepsEjmlBitsForZeroSumsSignedZerosAndInfinities(int n) {
        int m = 4, k = 13;
        Tensor a = TestTensors.gaussian(3, 1, m, k);
        for (int p = 0; p < k; p++) {
            a.set(p, 0.0);                                  // row 0 all zeros: every sum is zero
            a.set(k + p, p < 9 ? -0.0 : a.get(k + p));       // row 1: signed zeros, then terms
            a.set(3 * k + p, p % 5 == 0 ? a.get(3 * k + p) : 0.0);
        }
        Tensor b = TestTensors.gaussian(4, 1, k, n);
        for (int j = 0; j < n; j++) {
            b.set(2 * n + j, -b.get(2 * n + j) * 0.0);       // a row of signed zeros in b
        }
        assertTrue(byRows(a, b, true).sameBits(ejml(a, b)), "finite b, zeros skipped");
        b.set(5 * n, Double.POSITIVE_INFINITY);             // a[0][5] = 0 times ∞ must give NaN, as EJML
        b.set(6 * n + n - 1, Double.NaN);
        assertTrue(byRows(a, b, false).sameBits(ejml(a, b)), "non-finite b, nothing skipped");
    }

    /** Every third element set to 0, every seventh to -0, as images and Relu outputs have them. */
    private static Tensor withZeros(Tensor t) {
        for (int i = 0; i < t.size(); i += 3) {
            t.set(i, i % 7 == 0 ? -0.0 : 0.0);
        }
        return t;
    }
}
