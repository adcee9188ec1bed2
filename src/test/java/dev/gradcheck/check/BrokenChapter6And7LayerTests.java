package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.catalogue.BrokenChapter6And7Layers.BatchNormalizationWithoutMeanTerm;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.ConvolutionWithCol2imOverwriting;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.DropoutIgnoringMask;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.PoolingToFirstElement;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.support.BatchNormalizationCase;
import dev.gradcheck.support.ConvolutionCase;
import dev.gradcheck.support.DropoutCase;
import dev.gradcheck.support.PoolingCase;
import dev.gradcheck.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker fails a broken backward of each chapter 6 and 7 layer, on the tensors the bug touches
 * (the layers live in the catalogue, {@code dev.gradcheck.catalogue.BrokenChapter6And7Layers}).
 */
class BrokenChapter6And7LayerTests {

    private static final ConvolutionCase OVERLAPPING = new ConvolutionCase(2, 3, 5, 4, 2, 3, 3, 1, 1);

    @Test
    void convolutionWithCol2imOverwritingFailsOnX() {
        CheckReport report = check(new ConvolutionWithCol2imOverwriting(OVERLAPPING, 42), OVERLAPPING.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        assertFalse(report.tensor("x").orElseThrow().passed(), "dx loses all but one window per element");
        assertTrue(report.tensor("W").orElseThrow().passed(), "dW is still right");
        assertTrue(report.tensor("b").orElseThrow().passed(), "db is still right");
    }

    @Test
    void convolutionWithCol2imOverwritingStillPassesWhenWindowsDoNotOverlap() {
        ConvolutionCase disjoint = new ConvolutionCase(2, 2, 4, 6, 2, 2, 2, 2, 0);
        assertTrue(GradientCheck.check(Checkable.of(new ConvolutionWithCol2imOverwriting(disjoint, 42), disjoint.input(42), 42))
                .passed(), "with stride = filter the bug is invisible: why the checked shapes include stride 1");
    }

    @Test
    void batchNormalizationWithoutMeanTermFailsOnX() {
        BatchNormalizationCase c = new BatchNormalizationCase(4, 3);
        CheckReport report = check(new BatchNormalizationWithoutMeanTerm(c, 42), c.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        TensorReport dx = report.tensor("x").orElseThrow();
        assertEquals(12, dx.failures(), "every element of dx is off by its feature's Σ dxc / N");
        assertTrue(report.tensor("gamma").orElseThrow().passed());
        assertTrue(report.tensor("beta").orElseThrow().passed());
    }

    @Test
    void batchNormalizationWithoutMeanTermFailsOnImages() {
        BatchNormalizationCase c = new BatchNormalizationCase(2, 2, 3, 2);
        CheckReport report = check(new BatchNormalizationWithoutMeanTerm(c, 1), c.input(1));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        assertEquals(List.of(false, true, true), report.tensors().stream().map(TensorReport::passed).toList());
    }

    @Test
    void poolingToFirstElementFailsOnX() {
        PoolingCase c = new PoolingCase(2, 3, 4, 6, 2, 2, 2, 0);
        CheckReport report = check(new PoolingToFirstElement(c), c.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        TensorReport dx = report.tensor("x").orElseThrow();
        assertTrue(dx.failures() > 0, dx.verdict());
        assertEquals(0, dx.skipped(), "random inputs have no ties, so nothing is excused as a kink");
    }

    @Test
    void poolingToFirstElementFailsWithOverlappingWindowsAndPadding() {
        PoolingCase c = new PoolingCase(2, 1, 4, 4, 3, 3, 1, 1);
        CheckReport report = check(new PoolingToFirstElement(c), c.input(1));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
    }

    @Test
    void dropoutIgnoringMaskFailsOnTheDroppedElements() {
        DropoutCase c = new DropoutCase(0.5, 4, 3);
        Dropout reference = c.layer(42);
        reference.forward(c.input(42));
        double[] mask = reference.mask().orElseThrow().data();
        int dropped = (int) Arrays.stream(mask).filter(m -> m == 0).count();

        CheckReport report = check(new DropoutIgnoringMask(c, 42), c.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        assertTrue(dropped > 0, "the seed drops some elements");
        assertEquals(dropped, report.tensor("x").orElseThrow().failures(), "exactly the dropped elements fail");
    }

    private static CheckReport check(Layer layer, Tensor x) {
        CheckReport report = GradientCheck.check(Checkable.of(layer, x, 42));
        assertFalse(report.passed(), report.describe());
        return report;
    }
}
