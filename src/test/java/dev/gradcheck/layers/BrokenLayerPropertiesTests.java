package dev.gradcheck.layers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.catalogue.BrokenActivations;
import dev.gradcheck.catalogue.BrokenLosses;
import dev.gradcheck.catalogue.BrokenNodes;
import dev.gradcheck.support.PropertyRun;
import dev.gradcheck.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layer's properties bite: run through jqwik as the build runs them, against a layer with
 * one realistic bug, each property fails, and jqwik shrinks the case to a small one and reports
 * it with its seed. The specimens below are never run by the build itself (surefire skips nested
 * classes); only these tests run them.
 */
class BrokenLayerPropertiesTests {

    /** {@code Layer: x (r, c)} at the start of a case's text. */
    private static final Pattern SHAPE = Pattern.compile("(\\w+): x \\((\\d+), (\\d+)\\)");

    static class MulLayerWithoutSwapSpecimen extends MulLayerProperties {
        @Override BinaryLayer newLayer() {
            return new BrokenNodes.MulLayerWithoutSwap();
        }
    }

    static class AddLayerDroppingYSpecimen extends AddLayerProperties {
        @Override BinaryLayer newLayer() {
            return new BrokenNodes.AddLayerDroppingY();
        }
    }

    static class ReluWrongWherePositiveSpecimen extends ReluProperties {
        @Override Layer newLayer() {
            return new BrokenLayers.ReluWrongWherePositive();
        }
    }

    static class ReluClippingDoutSpecimen extends ReluProperties {
        @Override Layer newLayer() {
            return new BrokenLayers.ReluClippingDout();
        }
    }

    static class ReluAccumulatingOutputSpecimen extends ReluProperties {
        @Override Layer newLayer() {
            return new BrokenActivations.ReluAccumulatingOutput();
        }
    }

    static class BookReluSpecimen extends ReluProperties {
        @Override Layer newLayer() {
            return new BrokenLayers.BookRelu();
        }
    }

    static class SigmoidWithOnePlusOutSpecimen extends SigmoidProperties {
        @Override Layer newLayer() {
            return new BrokenActivations.SigmoidWithOnePlusOut();
        }
    }

    static class SigmoidTextbookGradientSpecimen extends SigmoidProperties {
        @Override Layer newLayer() {
            return new BrokenActivations.SigmoidTextbookGradient();
        }
    }

    static class AffineBiasFromFirstRowSpecimen extends AffineProperties {
        @Override Layer newLayer(Tensor W, Tensor b) {
            return new BrokenLayers.AffineBiasFromFirstRow(W, b);
        }
    }

    static class SoftmaxWithLossWithoutBatchMeanSpecimen extends SoftmaxWithLossProperties {
        @Override LossLayer newLayer() {
            return new BrokenLosses.SoftmaxWithLossWithoutBatchMean();
        }
    }

    static class SoftmaxWithoutMaxSubtractionSpecimen extends SoftmaxWithLossProperties {
        @Override Tensor softmax(Tensor x) {
            return BrokenLayers.softmaxWithoutMaxSubtraction(x);
        }
    }

    @TempDir
    Path database;

    @Test
    void mulLayerWithoutSwapFailsItsGradientPropertyShrunkToOneElement() {
        PropertyRun run = run(MulLayerWithoutSwapSpecimen.class, "backwardMatchesCentralDifference");
        assertGradientMismatch(run, "MulLayerWithoutSwap", "x, y");
        assertShrunkTo(run, "MulLayerWithoutSwap: x (1, 1) ");
    }

    @Test
    void addLayerDroppingYFailsItsGradientPropertyShrunkToZeros() {
        PropertyRun run = run(AddLayerDroppingYSpecimen.class, "backwardMatchesCentralDifference");
        assertGradientMismatch(run, "AddLayerDroppingY", "y");
        assertEquals("AddLayerDroppingY: x (1, 1) [[0.0]], y (1, 1) [[0.0]], projection seed 0", run.shrunkSample(), run.report());
    }

    @Test
    void reluWrongWherePositiveFailsItsGradientPropertyShrunkToTheMargin() {
        PropertyRun run = run(ReluWrongWherePositiveSpecimen.class, "backwardMatchesCentralDifference");
        assertGradientMismatch(run, "ReluWrongWherePositive", "x");
        assertEquals("ReluWrongWherePositive: x (1, 1) [[0.01]], projection seed 0", run.shrunkSample(), run.report());
    }

    @Test
    void reluWrongWherePositiveIsCaughtAmongInputsNearTheKink() {
        PropertyRun run = run(ReluWrongWherePositiveSpecimen.class, "backwardMatchesCentralDifferenceNearTheKink");
        assertGradientMismatch(run, "ReluWrongWherePositive", "x");
        assertShrunkToASmallerCase(run, "ReluWrongWherePositive");
    }

    @Test
    void sigmoidWithOnePlusOutFailsItsGradientPropertyShrunkToZero() {
        PropertyRun run = run(SigmoidWithOnePlusOutSpecimen.class, "backwardMatchesCentralDifference");
        assertGradientMismatch(run, "SigmoidWithOnePlusOut", "x");
        assertEquals("SigmoidWithOnePlusOut: x (1, 1) [[0.0]], projection seed 0", run.shrunkSample(), run.report());
    }

    @Test
    void affineBiasFromFirstRowFailsItsGradientPropertyShrunkToTheSmallestBatchThatShowsIt() {
        PropertyRun run = run(AffineBiasFromFirstRowSpecimen.class, "backwardMatchesCentralDifference");
        assertGradientMismatch(run, "AffineBiasFromFirstRow", "b");
        assertShrunkTo(run, "AffineBiasFromFirstRow: x (2, 1) [[0.0], [0.0]], W (1, 1) [[0.0]], b (1) [0.0], projection seed 0");
    }

    @Test
    void softmaxWithLossWithoutBatchMeanFailsItsGradientPropertyShrunkToTwoRowsAndTwoClasses() {
        PropertyRun run = run(SoftmaxWithLossWithoutBatchMeanSpecimen.class, "backwardMatchesCentralDifference");
        assertGradientMismatch(run, "SoftmaxWithLossWithoutBatchMean", "x");
        assertShrunkTo(run, "SoftmaxWithLossWithoutBatchMean: x (2, 2) ");
    }

    @Test
    void reluClippingDoutIsNotLinearInDout() {
        PropertyRun run = run(ReluClippingDoutSpecimen.class, "backwardIsLinearInDout");
        assertTrue(run.failed());
        assertTrue(run.message().startsWith("dx is not additive in dout"), run.report());
        assertShrunkToASmallerCase(run, "ReluClippingDout");
    }

    @Test
    void reluAccumulatingOutputDoesNotGiveTheSameBitsTwice() {
        PropertyRun run = run(ReluAccumulatingOutputSpecimen.class, "forwardTwiceGivesIdenticalBits");
        assertTrue(run.failed());
        assertTrue(run.message().startsWith("ReluAccumulatingOutput.forward(x) called again"), run.report());
        assertShrunkTo(run, "ReluAccumulatingOutput: x (1, 1) [[0.01]], projection seed 0; ");
    }

    @Test
    void theBooksReluModifiesDout() {
        PropertyRun run = run(BookReluSpecimen.class, "forwardAndBackwardModifyNoArgument");
        assertTrue(run.failed());
        assertTrue(run.message().startsWith("dout after backward"), run.report());
        assertShrunkTo(run, "BookRelu: x (1, 1) [[-0.01]], projection seed 0; dout1 [[1.0E-4]]");
    }

    @Test
    void sigmoidWithTheTextbookGradientGivesNaNBelowMinus709() {
        PropertyRun run = run(SigmoidTextbookGradientSpecimen.class, "outputStaysInTheUnitIntervalAndGradientFinite");
        assertTrue(run.failed());
        assertTrue(run.message().contains("dy/dx = NaN"), run.report());
        assertEquals("Tensor(1, 1) [[-709.7828]]", run.shrunkSample(), "shrunk to the first value whose e^-x overflows: " + run.report());
    }

    @Test
    void softmaxWithoutMaxSubtractionBreaksRowSumsAndShiftInvariance() {
        PropertyRun sums = run(SoftmaxWithoutMaxSubtractionSpecimen.class, "softmaxRowsSumToOne");
        assertTrue(sums.failed());
        assertTrue(sums.message().contains("sums to NaN"), sums.report());
        assertEquals("Tensor(1, 1) [[709.7828]]", sums.shrunkSample(), "shrunk to the first score whose exp overflows: " + sums.report());
        PropertyRun shifts = run(SoftmaxWithoutMaxSubtractionSpecimen.class, "softmaxIsInvariantToAddingAConstantPerRow");
        assertTrue(shifts.failed());
        assertEquals("x (1, 1) [[0.0]], row shifts (1) [709.7828]", shifts.shrunkSample(), shifts.report());
    }

    @Test
    void theCorrectLayersPassTheSamePropertiesRunTheSameWay() {
        Map<String, String> hundredTries = Map.of("jqwik.tries.default", "100");
        assertFalse(PropertyRun.of(MulLayerProperties.class, "backwardMatchesCentralDifference", db(), hundredTries).failed());
        assertFalse(PropertyRun.of(ReluProperties.class, "backwardIsLinearInDout", db(), hundredTries).failed());
        assertFalse(PropertyRun.of(SoftmaxWithLossProperties.class, "softmaxIsInvariantToAddingAConstantPerRow", db(), hundredTries)
                .failed());
    }

    private PropertyRun run(Class<?> specimen, String property) {
        return PropertyRun.of(specimen, property, db(), Map.of());
    }

    private Path db() {
        return database.resolve("jqwik-database");
    }

    /** The message is the CheckReport's describe(): category tag, layer, failing tensors. */
    static void assertGradientMismatch(PropertyRun run, String layer, String tensors) {
        assertTrue(run.failed(), layer + " passed its gradient property");
        assertTrue(run.message().startsWith("[gradient mismatch] " + layer + ": gradient check FAILED for " + tensors + " ("),
                run.report());
        assertTrue(run.message().contains("elements beyond tolerance; worst ("), run.report());
    }

    static void assertShrunkTo(PropertyRun run, String prefix) {
        assertTrue(run.shrunkSample().startsWith(prefix), "expected the shrunk sample to start with " + prefix + ":\n" + run.report());
    }

    /**
     * Where several small cases fail alike, jqwik's shrinking may end on any of them (x (1, 2) in one
     * run, x (2, 1) or x (3, 2) in another; near the kink, where most elements are skipped, it can stop
     * early): the shrunk input is a case of this layer and no larger than the one that first failed.
     */
    private static void assertShrunkToASmallerCase(PropertyRun run, String layer) {
        Matcher shrunk = SHAPE.matcher(run.shrunkSample());
        assertTrue(shrunk.lookingAt() && shrunk.group(1).equals(layer), run.report());
        Matcher original = SHAPE.matcher(run.originalSample().orElse(run.shrunkSample()));
        assertTrue(original.lookingAt(), run.report());
        assertTrue(elements(shrunk) <= elements(original), run.report());
    }

    private static int elements(Matcher m) {
        return Integer.parseInt(m.group(2)) * Integer.parseInt(m.group(3));
    }
}
