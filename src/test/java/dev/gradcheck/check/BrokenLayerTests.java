package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.catalogue.BrokenActivations.ReluWithoutMask;
import dev.gradcheck.catalogue.BrokenAffines.AffineWithoutTranspose;
import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithLossWithoutBatchMean;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.GradCheckAssertions;
import org.junit.jupiter.api.Test;

/** The checker fails layers whose backward is wrong, and says where. */
class BrokenLayerTests {




    @Test
    void affineWithoutTransposeFailsOnW() {
        Tensor x = TestTensors.gaussian(1, 1, 3, 3);
        Layer broken = new AffineWithoutTranspose(TestTensors.gaussian(2, 1, 3, 3), TestTensors.gaussian(3, 1, 3));
        CheckReport report = GradientCheck.check(Checkable.of(broken, x, 42));

        assertFalse(report.passed());
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        assertTrue(report.tensor("x").orElseThrow().passed(), "dx is still right");
        assertFalse(report.tensor("W").orElseThrow().passed(), "dW is wrong");
        assertTrue(report.tensor("b").orElseThrow().passed(), "db is still right");
    }

    @Test
    void lossWithoutBatchMeanFails() {
        Tensor x = TestTensors.gaussian(1, 1, 3, 4);
        CheckReport report = GradientCheck.check(Checkable.of(new SoftmaxWithLossWithoutBatchMean(), x, Labels.indices(0, 1, 3)));
        assertFalse(report.passed());
        TensorReport dx = report.tensor("x").orElseThrow();
        assertEquals(12, dx.failures(), "every element is 3 times too large");
    }

    @Test
    void lossWithoutBatchMeanStillPassesWithOneRow() {
        Tensor x = TestTensors.gaussian(1, 1, 1, 4);
        assertTrue(GradientCheck.check(Checkable.of(new SoftmaxWithLossWithoutBatchMean(), x, Labels.indices(2))).passed(),
                "with N = 1 the bug is invisible: why the parameterized checks use several batch sizes");
    }

    @Test
    void reluWithoutMaskFailsWhereXIsNegative() {
        Tensor x = Tensor.matrix(new double[] {-1, 2, -3, 4});
        CheckReport report = GradientCheck.check(Checkable.of(new ReluWithoutMask(), x, 7));
        TensorReport dx = report.tensor("x").orElseThrow();
        assertEquals(2, dx.failures());
        assertEquals(0, dx.skipped());
    }

    @Test
    void assertionMessageNamesCategoryTensorAndWorstElement() {
        Tensor x = TestTensors.gaussian(1, 1, 3, 3);
        Layer broken = new AffineWithoutTranspose(TestTensors.gaussian(2, 1, 3, 3), TestTensors.gaussian(3, 1, 3));
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheckAssertions.assertGradientsMatch(Checkable.of(broken, x, 42)));
        assertTrue(e.getMessage().startsWith("[gradient mismatch] AffineWithoutTranspose: gradient check FAILED for W ("), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*\\n  W .* elements beyond tolerance; worst \\(\\d, \\d\\): analytic .*"),
                e.getMessage());
    }
}
