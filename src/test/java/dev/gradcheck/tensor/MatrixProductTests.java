package dev.gradcheck.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written product gives EJML's bits, so the fast check is bit-identical to the plain one. */
class MatrixProductTests {

    @ParameterizedTest(name = "({0}, {1}) · ({1}, {2})")
    @CsvSource({"3, 784, 50", "3, 50, 10", "1, 1, 1", "4, 7, 1", "5, 3, 14", "5, 3, 15", "2, 9, 16", "30, 40, 50"})
    void productHasEjmlBits(int m, int k, int n) {
        Tensor a = withZeros(TestTensors.gaussian(m * 100L + k, 1, m, k));
        Tensor b = withZeros(TestTensors.gaussian(n * 7L + k, 1, k, n));
        Tensor c = Tensor.zeros(m, n);
        MatrixProduct.multiply(a.data(), b.data(), c.data(), m, k, n);
        Tensor expected = TensorOps.dot(a, b);
        assertTrue(c.sameBits(expected), () -> "differs from EJML: " + c + " vs " + expected);
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
        assertTrue(c.sameBits(TensorOps.dot(a, b)), () -> "sign of zero differs from EJML for " + n + " columns: " + c);
    }

    /** Every third element set to 0, every seventh to -0, as images and Relu outputs have them. */
    private static Tensor withZeros(Tensor t) {
        for (int i = 0; i < t.size(); i += 3) {
            t.set(i, i % 7 == 0 ? -0.0 : 0.0);
        }
        return t;
    }
}
