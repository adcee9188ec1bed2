package dev.gradcheck.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.optim.OptimizerKind;
import dev.gradcheck.support.Baselines;
import dev.gradcheck.support.Fixtures;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.GradCheckAssertions;
import dev.gradcheck.train.Trainer;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The net's gradients checked not only at initialisation, where weights are tiny, biases zero and
 * hidden units small, but after k training steps on the fixture slice, where they are not.
 */
class TrainedNetGradientCheckTests {

    /** Images of the probe batch: the first test images, as the book's check. */
    private static final int PROBE = 3;

    /**
     * One case: a TwoLayerNet(784, hidden, 10) trained k steps, then checked on the first
     * {@link #PROBE} test images.
     */
    record TrainedNetCase(int hidden, WeightInit init, OptimizerKind optimizer, int batch, long seed, int k) {

        /** Stable id of the check: net, shapes, initialisation, optimiser, seed and steps. */
        CheckId checkId() {
            return CheckId.of("TwoLayerNet").shape("x", PROBE, 784).shape("W1", 784, hidden)
                    .with("init", init.name()).with("optimizer", optimizer.key()).with("lr", optimizer.defaultLr()).with("batch", batch)
                    .with("steps", k).seed(seed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "TwoLayerNet(784,%d,10), init %s, %s, batch %d, seed %d, after %d steps",
                    hidden, init.name(), optimizer.create(optimizer.defaultLr()), batch, seed, k);
        }
    }

    static Stream<TrainedNetCase> cases() {
        return Stream.of(0, 10, 100).flatMap(k -> Stream.of(
                new TrainedNetCase(10, WeightInit.BOOK, OptimizerKind.SGD, 100, 42, k),
                new TrainedNetCase(10, WeightInit.HE, OptimizerKind.ADAM, 100, 42, k)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesCentralDifferenceAfterKTrainingSteps(TrainedNetCase c, TestReporter reporter) {
        TwoLayerNet net = new TwoLayerNet(784, c.hidden(), 10, c.init(), c.seed());
        Tensor W2AtInit = net.params().get("W2").value().copy();
        Trainer trainer = new Trainer(net, c.optimizer().create(c.optimizer().defaultLr()),
                Fixtures.trainSlice(), Fixtures.testSlice(), c.batch(), c.seed());
        for (int i = 0; i < c.k(); i++) {
            trainer.trainStep();
        }
        assertEquals(c.k() > 0, !net.params().get("W2").value().sameBits(W2AtInit), "training must have moved the weights");

        Dataset probe = Fixtures.firstTestImages(PROBE);
        CheckReport report = GradCheckAssertions.assertGradientsMatch(net.checkable(probe.images(), probe.labelIndices()));
        assertEquals(4, report.tensors().size(), c.toString());
        assertTrue(report.tensors().stream().allMatch(t -> t.checked() > 0), c.toString());
        Baselines.assertNoRegression(c.checkId(), report, reporter);
    }
}
