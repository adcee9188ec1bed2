package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.junit.jupiter.api.Test;

/** Max pooling of known matrices, where its gradient goes, and its shape errors. */
class PoolingTests {

    private static final Tensor FOUR_BY_FOUR = Tensor.wrap(new double[] {
        1, 2, 1, 0,
        0, 1, 2, 3,
        3, 0, 1, 2,
        2, 4, 0, 1}, 1, 1, 4, 4);

    @Test
    void forwardTakesTheMaximumOfEachWindow() {
        Tensor out = new Pooling(2, 2, 2, 0).forward(FOUR_BY_FOUR);
        assertArrayEquals(new int[] {1, 1, 2, 2}, out.shape());
        assertArrayEquals(new double[] {2, 3, 4, 2}, out.data());
    }

    @Test
    void backwardRoutesEachGradientToItsWindowsMaximum() {
        Pooling pooling = new Pooling(2, 2, 2, 0);
        pooling.forward(FOUR_BY_FOUR);
        Tensor dx = pooling.backward(Tensor.wrap(new double[] {10, 20, 30, 40}, 1, 1, 2, 2));
        assertArrayEquals(new double[] {
            0, 10, 0, 0,
            0, 0, 0, 20,
            0, 0, 0, 40,
            0, 30, 0, 0}, dx.data());
    }

    @Test
    void anElementThatIsTheMaximumOfOverlappingWindowsCollectsEachGradient() {
        Pooling pooling = new Pooling(1, 2, 1, 0);
        Tensor out = pooling.forward(Tensor.wrap(new double[] {1, 5, 2}, 1, 1, 1, 3));
        assertArrayEquals(new double[] {5, 5}, out.data());
        assertArrayEquals(new double[] {0, 7, 0}, pooling.backward(Tensor.wrap(new double[] {3, 4}, 1, 1, 1, 2)).data());
    }

    @Test
    void onATieTheFirstMaximumTakesTheGradient() {
        Pooling pooling = new Pooling(1, 3, 3, 0);
        pooling.forward(Tensor.wrap(new double[] {1, 3, 3}, 1, 1, 1, 3));
        assertArrayEquals(new double[] {0, 6, 0}, pooling.backward(Tensor.wrap(new double[] {6}, 1, 1, 1, 1)).data());
    }

    @Test
    void channelsArePooledSeparately() {
        Tensor x = Tensor.wrap(new double[] {1, 9, 2, 3, -1, -5, -2, -3}, 1, 2, 2, 2);
        assertArrayEquals(new double[] {9, -1}, new Pooling(2, 2, 2, 0).forward(x).data());
    }

    @Test
    void paddingAddsZerosThatCanBeTheMaximum() {
        Pooling pooling = new Pooling(2, 2, 2, 1);
        Tensor out = pooling.forward(Tensor.wrap(new double[] {-1, -2, -3, -4}, 1, 1, 2, 2));
        assertArrayEquals(new double[] {0, 0, 0, 0}, out.data(), "the book's im2col pads with zeros");
        Tensor dx = pooling.backward(TensorOps.map(out, v -> 1));
        assertArrayEquals(new double[] {0, 0, 0, 0}, dx.data(), "a gradient routed into the padding is dropped");
    }

    @Test
    void aNaNInAWindowPropagates() {
        Tensor out = new Pooling(1, 3, 3, 0).forward(Tensor.wrap(new double[] {1, Double.NaN, 2}, 1, 1, 1, 3));
        assertTrue(Double.isNaN(out.get(0)), "a NaN must not be hidden by the maximum");
    }

    @Test
    void forwardRejectsAWindowLargerThanTheInput() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Pooling(3, 3, 1, 0).forward(Tensor.zeros(2, 1, 2, 2)));
        assertEquals("Pooling.forward: x has shape (2, 1, 2, 2): its height 2 padded by 0 on each side is 2, smaller than"
                + " the window's 3", e.getMessage());
    }

    @Test
    void forwardRejectsAStrideThatDoesNotTileTheInput() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Pooling(2, 2, 2, 0).forward(Tensor.zeros(1, 1, 4, 5)));
        assertEquals("Pooling.forward: x has shape (1, 1, 4, 5): its width 5 + 2·pad 0 - window 2 = 3 is not a multiple"
                + " of stride 2, so the output width (3 / 2 + 1) is not an integer", e.getMessage());
    }

    @Test
    void backwardNamesDoutShape() {
        Pooling pooling = new Pooling(2, 2, 2, 0);
        pooling.forward(FOUR_BY_FOUR);
        ShapeException e = assertThrows(ShapeException.class, () -> pooling.backward(Tensor.zeros(1, 1, 4, 4)));
        assertEquals("Pooling.backward: dout has shape (1, 1, 4, 4) but forward's output had shape (1, 1, 2, 2)", e.getMessage());
    }
}
