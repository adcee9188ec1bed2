package dev.gradcheck.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A net reduced for the checker: its name, its variables and the loss scale that sets the rounding allowance. */
class NetCheckableTests {

    private final TwoLayerNet net = new TwoLayerNet(4, 3, 2, 1.0, 7);
    private final Tensor x = TestTensors.gaussian(7, 3, 2, 4);
    private final Labels t = Labels.indices(0, 1);

    @Test
    void isNamedAfterTheNetAndChecksEveryParameterInOrder() {
        Checkable unit = net.checkable(x, t);
        assertEquals("TwoLayerNet", net.name());
        assertEquals("TwoLayerNet", unit.name());
        assertEquals(List.of("W1", "b1", "W2", "b2"), unit.variables().stream().map(v -> v.name()).toList());
    }

    @Test
    void lossScaleIsTheLossPlusTheLargestScore() {
        double largest = 0;
        for (double v : net.predict(x).data()) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertEquals(Math.abs(net.loss(x, t)) + largest, net.checkable(x, t).lossScale());
    }

    @Test
    void everySizeMustBePositive() {
        assertEquals("TwoLayerNet: outputSize must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new TwoLayerNet(2, 2, 0, 1)).getMessage());
        assertEquals("TwoLayerNet: hiddenSize must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new TwoLayerNet(2, 0, 2, 1)).getMessage());
        assertEquals("TwoLayerNet: inputSize must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new TwoLayerNet(0, 2, 2, 1)).getMessage());
    }
}
