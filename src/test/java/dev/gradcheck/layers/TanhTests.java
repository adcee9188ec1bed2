package dev.gradcheck.layers;

import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TanhTests {

    @Test
    void forwardIsTheHyperbolicTangent() {
        Tensor out = new Tanh().forward(Tensor.vector(0, 1, -2, 40));
        assertArrayEquals(new double[] {0, StrictMath.tanh(1), StrictMath.tanh(-2), 1}, out.data());
    }

    @ParameterizedTest(name = "x ({0}, {1}), seed {2}")
    @CsvSource({"1, 1, 1", "1, 7, 42", "4, 1, 1", "3, 3, 42", "8, 3, 1", "2, 9, 42"})
    void backwardMatchesCentralDifference(int rows, int cols, long seed) {
        assertGradientsMatch(Checkable.of(new Tanh(), TestTensors.gaussian(seed, 2, rows, cols), seed));
    }
}
