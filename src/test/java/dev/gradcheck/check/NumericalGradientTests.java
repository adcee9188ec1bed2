package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NumericalGradientTests {

    @Test
    void centralDifferenceOfAQuadraticIsExactUpToRounding() {
        Tensor w = Tensor.vector(3, -2, 0.5);
        Tensor g = NumericalGradient.centralDifference(() -> sumOfSquares(w), w, 1e-4);
        assertArrayEquals(new double[] {6, -4, 1}, g.data(), 1e-10);
    }

    @Test
    void centralDifferenceOfACubeHasTheTruncationErrorHSquared() {
        Tensor w = Tensor.vector(2);
        double h = 1e-3;
        double g = NumericalGradient.centralDifference(() -> Math.pow(w.get(0), 3), w, h).get(0);
        assertEquals(12 + h * h, g, 1e-9, "(x+h)³ - (x-h)³ over 2h is 3x² + h²");
    }

    @Test
    void everyElementIsRestoredToItsOriginalBits() {
        Tensor w = TestTensors.gaussian(5, 1e3, 50);
        Tensor before = w.copy();
        NumericalGradient.centralDifference(() -> sumOfSquares(w), w, 0.1);
        assertTrue(w.sameBits(before));
    }

    @Test
    void anElementIsRestoredEvenWhenTheFunctionThrows() {
        Tensor w = Tensor.vector(1, 2);
        assertThrows(IllegalStateException.class, () -> NumericalGradient.centralDifference(() -> {
            if (w.get(1) != 2) {
                throw new IllegalStateException("boom");
            }
            return 0;
        }, w, 1e-4));
        assertArrayEquals(new double[] {1, 2}, w.data());
    }

    private static double sumOfSquares(Tensor w) {
        double s = 0;
        for (double v : w.data()) {
            s += v * v;
        }
        return s;
    }
}
