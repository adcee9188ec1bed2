package dev.gradcheck.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.optim.SGD;
import dev.gradcheck.support.BackwardBugs;
import dev.gradcheck.support.Fixtures;
import dev.gradcheck.support.SequentialNet;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.GradCheckAssertions;
import dev.gradcheck.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Backward bugs that a check at initialisation cannot see, and the checks after training that do:
 * the reason {@link TrainedNetGradientCheckTests} checks after 10 and 100 steps. Each net is the
 * book's Affine → Relu → Affine with one layer broken, TwoLayerNet(784, 10, 10) weights with seed 42,
 * trained by SGD (lr 0.1, batch 100, seed 42) on the fixture slice and checked on 3 test images.
 */
class BugsHiddenAtInitialisationTests {

    private static final Dataset PROBE = Fixtures.firstTestImages(3);

    private static SequentialNet trained(SequentialNet net, int k) {
        Trainer trainer = new Trainer(net, new SGD(0.1),
                Fixtures.trainSlice(), Fixtures.testSlice(), 100, 42);
        for (int i = 0; i < k; i++) {
            trainer.trainStep();
        }
        return net;
    }

    private static CheckReport check(SequentialNet net) {
        return GradientCheck.check(net.checkable(PROBE.images(), PROBE.labelIndices()));
    }

    private static SequentialNet staleWeights() {
        return SequentialNet.twoLayer("StaleWeightsNet", new TwoLayerNet(784, 10, 10, 42),
                BackwardBugs.AffineWithStaleWeights::new, new Relu());
    }

    private static SequentialNet clippedRelu() {
        return SequentialNet.twoLayer("ClippedReluNet", new TwoLayerNet(784, 10, 10, 42), Affine::new,
                new BackwardBugs.ReluClippedInBackward(1.0));
    }

    /** Largest hidden pre-activation {@code x·W1 + b1} over the probe batch. */
    private static double largestHiddenInput(SequentialNet net) {
        Tensor a = TensorOps.addRowVector(TensorOps.dot(PROBE.images(), net.params().get("W1").value()),
                net.params().get("b1").value());
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a.data()) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Test
    void staleWeightsInBackwardPassAtInitialisationAndFailAfterTenSteps() {
        GradCheckAssertions.assertGradientsMatch(trained(staleWeights(), 0).checkable(PROBE.images(), PROBE.labelIndices()));

        AssertionError e = assertThrows(AssertionError.class, () -> GradCheckAssertions.assertGradientsMatch(
                trained(staleWeights(), 10).checkable(PROBE.images(), PROBE.labelIndices())));
        assertTrue(e.getMessage().startsWith("[gradient mismatch] StaleWeightsNet: gradient check FAILED for W1, b1 ("),
                e.getMessage());
    }

    @Test
    void staleWeightsAreWrongOnlyBelowTheStaleLayer() {
        CheckReport report = check(trained(staleWeights(), 100));
        assertFalse(report.tensor("W1").orElseThrow().passed(), "dW1 flows through the stale W2");
        assertFalse(report.tensor("b1").orElseThrow().passed(), "db1 flows through the stale W2");
        assertTrue(report.tensor("W2").orElseThrow().passed(), "dW2 does not use W2");
        assertTrue(report.tensor("b2").orElseThrow().passed(), "db2 does not use W2");
    }

    @Test
    void clippedReluBackwardPassesUntilHiddenUnitsExceedTheClip() {
        SequentialNet afterTen = trained(clippedRelu(), 10);
        assertTrue(largestHiddenInput(afterTen) < 1.0, "premise: after 10 steps every hidden input is below 1");
        GradCheckAssertions.assertGradientsMatch(trained(clippedRelu(), 0).checkable(PROBE.images(), PROBE.labelIndices()));
        GradCheckAssertions.assertGradientsMatch(afterTen.checkable(PROBE.images(), PROBE.labelIndices()));

        SequentialNet afterHundred = trained(clippedRelu(), 100);
        assertTrue(largestHiddenInput(afterHundred) > 1.0, "premise: after 100 steps some hidden input exceeds 1");
        CheckReport report = check(afterHundred);
        assertFalse(report.tensor("W1").orElseThrow().passed(), report.describe());
        assertFalse(report.tensor("b1").orElseThrow().passed(), report.describe());
    }

    @Test
    void anErrorProportionalToTheWeightsIsAlreadyCaughtAtInitialisation() {
        SequentialNet strayDecay = SequentialNet.twoLayer("StrayDecayNet", new TwoLayerNet(784, 10, 10, 42),
                (W, b) -> new BackwardBugs.AffineWithStrayDecay(W, b, 1e-6), new Relu());
        CheckReport report = check(trained(strayDecay, 0));
        assertFalse(report.tensor("W1").orElseThrow().passed(), "1e-6·W1 with W1 ~ 0.01 is far beyond rtol 1e-7");
        assertFalse(report.tensor("W2").orElseThrow().passed(), report.describe());
    }
}
