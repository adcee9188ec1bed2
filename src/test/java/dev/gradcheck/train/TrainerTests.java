package dev.gradcheck.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.data.Dataset;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.net.WeightInit;
import dev.gradcheck.optim.Adam;
import dev.gradcheck.optim.SGD;
import dev.gradcheck.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training loop: the book's schedule, seeded reproducibility, and its refusals. */
class TrainerTests {

    private static final Dataset TRAIN = Fixtures.trainSlice();
    private static final Dataset TEST = Fixtures.testSlice();

    private static TwoLayerNet trainedNet(long seed, int iterations) {
        TwoLayerNet net = new TwoLayerNet(784, 10, 10, WeightInit.HE, seed);
        new Trainer(net, new Adam(0.001), TRAIN, TEST, 50, seed).train(iterations, TrainingListener.NONE);
        return net;
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        TwoLayerNet a = trainedNet(7, 60);
        TwoLayerNet b = trainedNet(7, 60);
        for (Map.Entry<String, Parameter> e : a.params().entrySet()) {
            assertTrue(e.getValue().value().sameBits(b.params().get(e.getKey()).value()), e.getKey());
        }
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        assertFalse(trainedNet(7, 60).params().get("W2").value().sameBits(trainedNet(8, 60).params().get("W2").value()));
    }

    @Test
    void evaluatesAfterTheFirstStepOfEachEpochAndAfterTheLast() {
        TwoLayerNet net = new TwoLayerNet(784, 10, 10, 42);
        Trainer trainer = new Trainer(net, new SGD(0.1), TRAIN, TEST, 100, 42);
        assertEquals(20, trainer.iterPerEpoch(), "2000 images / batch 100");
        List<Integer> heard = new ArrayList<>();
        TrainingHistory history = trainer.train(45, new TrainingListener() {
            @Override public void onEpoch(EpochResult r) {
                heard.add(r.iterations());
            }
        });
        assertEquals(List.of(1, 21, 41, 45), heard);
        assertEquals(List.of(0.0, 1.0, 2.0, 44 / 20.0), history.epochs().stream().map(EpochResult::epoch).toList());
        assertEquals(45, history.batchLosses().length);
        assertEquals(45, trainer.steps());
    }

    @Test
    void anEpochIsAtLeastOneIteration() {
        Trainer trainer = new Trainer(new TwoLayerNet(784, 10, 10, 42), new SGD(0.1), TRAIN, TEST, 1500, 42);
        assertEquals(1, trainer.iterPerEpoch(), "max(2000 / 1500, 1)");
    }

    @Test
    void evaluationMatchesTheNetsOwnLossAndAccuracy() {
        TwoLayerNet net = new TwoLayerNet(784, 10, 10, WeightInit.HE, 3);
        Evaluation e = new Trainer(net, new SGD(0.1), TRAIN, TEST, 100, 3).evaluate(TEST);
        assertEquals(net.loss(TEST.images(), TEST.labelIndices()), e.loss());
        assertEquals(net.accuracy(TEST.images(), TEST.labelIndices()), e.accuracy());
    }

    @Test
    void samplerDrawsSeededIndicesWithReplacementWithinTheData() {
        int[] a = new MiniBatchSampler(TEST.first(10), 10, 5).nextIndices();
        assertArrayEquals(a, new MiniBatchSampler(TEST.first(10), 10, 5).nextIndices());
        boolean repeated = false;
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i] >= 0 && a[i] < 10, "index " + a[i]);
            for (int j = 0; j < i; j++) {
                repeated |= a[i] == a[j];
            }
        }
        assertTrue(repeated, "ten draws from ten with replacement repeat one (p = 1 - 10!/10^10)");
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(new TwoLayerNet(784, 10, 10, 42), new SGD(0.1), TRAIN, TEST, 2001, 42));
        assertEquals("batch size 2001 must be between 1 and the 2000 training examples", e.getMessage());
    }

    @Test
    void divergenceStopsTrainingNamingTheIteration() {
        Trainer trainer = new Trainer(new TwoLayerNet(784, 10, 10, 42), new SGD(1e300), TRAIN, TEST, 100, 42);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> trainer.train(50, TrainingListener.NONE));
        assertTrue(e.getMessage().matches("training diverged: the mini-batch loss is (NaN|Infinity) after iteration \\d+ "
                + "with SGD\\(lr=1\\.0E300\\); try a smaller learning rate"), e.getMessage());
    }
}
