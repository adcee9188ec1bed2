package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.junit.jupiter.api.Test;

/** Dropout's mask: its ratio, kept across forwards, reproducible from the seed; test mode; errors. */
class DropoutTests {

    private static final Tensor ONES = TensorOps.map(Tensor.zeros(100, 100), v -> 1);

    private static double keptFraction(Tensor mask) {
        return TensorOps.dotAll(mask, ONES) / mask.size();
    }

    @Test
    void theMaskDropsAboutTheDropoutRatio() {
        for (double ratio : new double[] {0.1, 0.5, 0.8}) {
            Dropout dropout = new Dropout(ratio, 3);
            dropout.forward(ONES);
            // 10,000 Bernoulli draws: standard deviation at most 0.005, so 0.02 is four of them
            assertEquals(1 - ratio, keptFraction(dropout.mask().orElseThrow()), 0.02, "ratio " + ratio);
        }
    }

    @Test
    void trainingForwardMultipliesByTheMaskAndBackwardToo() {
        Dropout dropout = new Dropout(0.5, 4);
        Tensor x = TestTensors.gaussian(1, 1, 3, 5);
        Tensor out = dropout.forward(x);
        Tensor mask = dropout.mask().orElseThrow();
        for (int i = 0; i < x.size(); i++) {
            assertTrue(mask.get(i) == 0 || mask.get(i) == 1);
            assertEquals(mask.get(i) * x.get(i), out.get(i));
        }
        Tensor dout = TestTensors.gaussian(2, 1, 3, 5);
        assertTrue(TensorOps.multiply(dout, mask).sameBits(dropout.backward(dout)));
    }

    @Test
    void everyForwardOnTheSameShapeUsesTheSameMask() {
        Dropout dropout = new Dropout(0.5, 5);
        Tensor first = dropout.forward(ONES);
        Tensor second = dropout.forward(TensorOps.scale(ONES, 2));
        assertTrue(TensorOps.scale(first, 2).sameBits(second), "the checker needs forward to be a function of x");
    }

    @Test
    void theSameSeedGivesTheSameMasks() {
        Dropout a = new Dropout(0.5, 6);
        Dropout b = new Dropout(0.5, 6);
        assertTrue(a.forward(ONES).sameBits(b.forward(ONES)));
        a.resample();
        b.resample();
        assertTrue(a.forward(ONES).sameBits(b.forward(ONES)), "and the same sequence of masks");
        assertFalse(new Dropout(0.5, 7).forward(ONES).sameBits(b.forward(ONES)), "another seed, another mask");
    }

    @Test
    void resampleDrawsANewMask() {
        Dropout dropout = new Dropout(0.5, 8);
        Tensor first = dropout.forward(ONES);
        dropout.resample();
        assertFalse(first.sameBits(dropout.forward(ONES)));
    }

    @Test
    void backwardAfterResampleUsesTheMaskOfItsForward() {
        Dropout dropout = new Dropout(0.5, 12);
        dropout.forward(ONES);
        Tensor mask = dropout.mask().orElseThrow();
        dropout.resample();
        assertTrue(mask.sameBits(dropout.backward(ONES)));
    }

    @Test
    void anInputOfAnotherShapeDrawsANewMask() {
        Dropout dropout = new Dropout(0.5, 9);
        dropout.forward(ONES);
        Tensor small = TensorOps.map(Tensor.zeros(2, 3), v -> 1);
        assertArrayEquals(new int[] {2, 3}, dropout.forward(small).shape());
        assertArrayEquals(new int[] {2, 3}, dropout.mask().orElseThrow().shape());
    }

    @Test
    void testModeScalesByOneMinusTheRatio() {
        Dropout dropout = new Dropout(0.3, 10);
        Tensor x = TestTensors.gaussian(3, 1, 4, 2);
        assertArrayEquals(TensorOps.scale(x, 0.7).data(), dropout.forward(x, false).data());
        assertTrue(dropout.mask().isEmpty(), "test mode draws no mask");
        Tensor dout = TestTensors.gaussian(4, 1, 4, 2);
        assertArrayEquals(TensorOps.scale(dout, 0.7).data(), dropout.backward(dout).data(), "backward of test mode");
    }

    @Test
    void inTestModeIsAViewWhoseForwardRunsInTestMode() {
        Dropout dropout = new Dropout(0.5, 11);
        Layer view = dropout.inTestMode();
        Tensor x = TestTensors.gaussian(5, 1, 2, 3);
        assertArrayEquals(TensorOps.scale(x, 0.5).data(), view.forward(x).data());
        assertEquals("Dropout(test mode)", view.name(), "so reports say which mode was checked");
    }

    @Test
    void aRatioOutsideZeroToOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0, 1));
        assertEquals("Dropout: dropoutRatio must be in [0, 1), got 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(Double.NaN, 1));
    }

    @Test
    void backwardBeforeForwardSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Dropout(0.5, 1).backward(ONES));
        assertEquals("Dropout.backward called before forward", e.getMessage());
    }

    @Test
    void backwardNamesDoutShape() {
        Dropout dropout = new Dropout(0.5, 1);
        dropout.forward(Tensor.zeros(2, 3));
        ShapeException e = assertThrows(ShapeException.class, () -> dropout.backward(Tensor.zeros(3, 2)));
        assertEquals("Dropout.backward: dout has shape (3, 2) but forward's output had shape (2, 3)", e.getMessage());
    }
}
