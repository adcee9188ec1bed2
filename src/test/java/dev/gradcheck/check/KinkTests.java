package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.junit.jupiter.api.Test;

/** Relu's kink at 0: skipped when an element sits on it, rechecked when it lies near, never hiding a bug. */
class KinkTests {

    private static final double H = CheckOptions.DEFAULT_H;

    @Test
    void anInputExactlyAtZeroIsSkippedNotFailed() {
        Tensor x = Tensor.matrix(new double[] {0, 1, -1, 2});
        TensorReport dx = GradientCheck.check(Checkable.of(new Relu(), x, 3)).tensor("x").orElseThrow();
        assertEquals(1, dx.skipped());
        assertEquals(0, dx.failures());
        assertTrue(dx.passed());
    }

    @Test
    void inputsInsideTheStepAreRecheckedAtASmallerStep() {
        Tensor x = Tensor.matrix(new double[] {H / 2, -H / 3, H / 5, -H * 0.9, 0.3});
        TensorReport dx = GradientCheck.check(Checkable.of(new Relu(), x, 3)).tensor("x").orElseThrow();
        assertEquals(4, dx.rechecked(), "the ±h interval crosses 0 for the first four elements");
        assertEquals(0, dx.skipped());
        assertTrue(dx.passed());
        assertEquals(0, dx.maxAbsDiff(), 1e-10, "at h/16 the interval no longer crosses 0, so the difference is exact");
    }

    @Test
    void inputsCrowdedAroundZeroPassForTheCorrectRelu() {
        Tensor x = TestTensors.uniform(11, -3 * H, 3 * H, 20, 20);
        CheckReport report = GradientCheck.check(Checkable.of(new Relu(), x, 3));
        assertTrue(report.passed(), report.describe());
    }

    @Test
    void aReluWrongForPositiveInputsIsCaughtEvenAmongKinks() {
        Layer wrongWherePositive = new Layer() {
            private final Relu relu = new Relu();
            @Override public Tensor forward(Tensor x) {
                return relu.forward(x);
            }
            @Override public Tensor backward(Tensor dout) {
                return TensorOps.scale(relu.backward(dout), 1 + 1e-3);
            }
        };
        Tensor x = TestTensors.uniform(11, -3 * H, 3 * H, 20, 20);
        TensorReport dx = GradientCheck.check(Checkable.of(wrongWherePositive, x, 3)).tensor("x").orElseThrow();
        assertFalse(dx.passed());
        assertTrue(dx.failures() > 100, "every positive element away from 0 fails: " + dx.failures());
    }

    @Test
    void aTensorWithMostlyKinksFailsForLackOfEvidence() {
        Tensor x = Tensor.matrix(new double[] {0, 0, 0, 1});
        TensorReport dx = GradientCheck.check(Checkable.of(new Relu(), x, 3)).tensor("x").orElseThrow();
        assertEquals(3, dx.skipped());
        assertFalse(dx.passed());
        assertTrue(dx.verdict().startsWith("3 of 4 elements sit on kinks"), dx.verdict());
    }
}
