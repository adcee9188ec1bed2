package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradcheck.support.ConvolutionCase;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.junit.jupiter.api.Test;

/** Convolution's values, by hand and against a direct loop, and its shape errors. */
class ConvolutionTests {

    private static final double EXACT = 1e-12;

    /** x = 1 … 9 in one 3 × 3 channel, one 2 × 2 filter (1 2 / 3 4), bias 0.5. */
    private static Convolution byHand(int pad) {
        return new Convolution(Tensor.wrap(new double[] {1, 2, 3, 4}, 1, 1, 2, 2), Tensor.vector(0.5), 1, pad);
    }

    private static final Tensor NINE = Tensor.wrap(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);

    @Test
    void forwardOfA3x3InputWithA2x2FilterMatchesTheHandComputation() {
        Tensor out = byHand(0).forward(NINE);
        assertArrayEquals(new int[] {1, 1, 2, 2}, out.shape());
        // (0, 0): 1·1 + 2·2 + 3·4 + 4·5 = 37, then 2·1 + 3·2 + 5·3 + 6·4 = 47, 67, 77; plus b
        assertArrayEquals(new double[] {37.5, 47.5, 67.5, 77.5}, out.data(), EXACT);
    }

    @Test
    void backwardOfA3x3InputWithA2x2FilterMatchesTheHandComputation() {
        Convolution conv = byHand(0);
        conv.forward(NINE);
        Tensor dx = conv.backward(TensorOps.map(Tensor.zeros(1, 1, 2, 2), v -> 1));
        assertArrayEquals(new double[] {1, 3, 2, 4, 10, 6, 3, 7, 4}, dx.data(), EXACT, "W summed over the windows covering each x");
        assertArrayEquals(new double[] {12, 16, 24, 28}, conv.parameters().get(0).grad().data(), EXACT, "x summed per filter tap");
        assertArrayEquals(new double[] {4}, conv.parameters().get(1).grad().data(), EXACT);
    }

    @Test
    void paddingSurroundsTheInputWithZeros() {
        Tensor out = byHand(1).forward(NINE);
        assertArrayEquals(new int[] {1, 1, 4, 4}, out.shape());
        assertEquals(4 * 1 + 0.5, out.get(0), EXACT, "only the filter's last tap sees x(0, 0)");
        assertEquals(1 * 9 + 0.5, out.get(15), EXACT, "only the first tap sees x(2, 2)");
        assertEquals(37.5, out.get(5), EXACT, "the unpadded window");
    }

    @Test
    void forwardMatchesADirectLoopOverChannelsFiltersStrideAndPad() {
        ConvolutionCase c = new ConvolutionCase(2, 3, 5, 6, 4, 3, 2, 2, 1);
        Convolution conv = c.layer(7);
        Tensor x = c.input(7);
        Tensor out = conv.forward(x);
        Tensor expected = direct(x, conv.parameters().get(0).value(), conv.parameters().get(1).value(), c.stride(), c.pad());
        assertArrayEquals(expected.shape(), out.shape());
        assertArrayEquals(expected.data(), out.data(), EXACT);
    }

    @Test
    void forwardRejectsAChannelMismatch() {
        Convolution conv = new Convolution(Tensor.zeros(3, 1, 2, 2), Tensor.zeros(3), 1, 0);
        ShapeException e = assertThrows(ShapeException.class, () -> conv.forward(Tensor.zeros(1, 2, 4, 4)));
        assertEquals("Convolution.forward: x has shape (1, 2, 4, 4) but W has shape (3, 1, 2, 2);"
                + " x's channels (axis 1) must equal W's (axis 1)",
                e.getMessage());
    }

    @Test
    void forwardRejectsAnInputSmallerThanTheFilter() {
        ShapeException e = assertThrows(ShapeException.class, () -> byHand(0).forward(Tensor.zeros(1, 1, 1, 3)));
        assertEquals("Convolution.forward: x has shape (1, 1, 1, 3): its height 1 padded by 0 on each side is 1, smaller"
                + " than the window's 2", e.getMessage());
    }

    @Test
    void forwardRejectsAStrideThatDoesNotTileTheInput() {
        Convolution conv = new Convolution(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1), 2, 0);
        ShapeException e = assertThrows(ShapeException.class, () -> conv.forward(NINE));
        assertEquals("Convolution.forward: x has shape (1, 1, 3, 3): its height 3 + 2·pad 0 - window 2 = 1 is not a"
                + " multiple of stride 2, so the output height (1 / 2 + 1) is not an integer", e.getMessage());
    }

    @Test
    void forwardRejectsAMatrix() {
        ShapeException e = assertThrows(ShapeException.class, () -> byHand(0).forward(Tensor.zeros(3, 3)));
        assertEquals("Convolution.forward: x must have rank 4 (N, C, H, W) but has shape (3, 3)", e.getMessage());
    }

    @Test
    void constructorRejectsABiasOfTheWrongLength() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Convolution(Tensor.zeros(3, 1, 2, 2), Tensor.zeros(2), 1, 0));
        assertEquals("Convolution: b has shape (2) but W has shape (3, 1, 2, 2); b needs one entry per filter", e.getMessage());
    }

    @Test
    void backwardNamesDoutShape() {
        Convolution conv = byHand(0);
        conv.forward(NINE);
        ShapeException e = assertThrows(ShapeException.class, () -> conv.backward(Tensor.zeros(1, 1, 3, 3)));
        assertEquals("Convolution.backward: dout has shape (1, 1, 3, 3) but forward's output had shape (1, 1, 2, 2)",
                e.getMessage());
    }

    @Test
    void backwardBeforeForwardSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> byHand(0).backward(Tensor.zeros(1, 1, 2, 2)));
        assertEquals("Convolution.backward called before forward", e.getMessage());
    }

    /** The definition, one output element at a time. */
    private static Tensor direct(Tensor x, Tensor W, Tensor b, int stride, int pad) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        int fn = W.dim(0), fh = W.dim(2), fw = W.dim(3);
        int oh = (h + 2 * pad - fh) / stride + 1, ow = (w + 2 * pad - fw) / stride + 1;
        Tensor out = Tensor.zeros(n, fn, oh, ow);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < fn; f++) {
                for (int y = 0; y < oh; y++) {
                    for (int z = 0; z < ow; z++) {
                        double sum = b.get(f);
                        for (int ch = 0; ch < c; ch++) {
                            for (int r = 0; r < fh; r++) {
                                for (int s = 0; s < fw; s++) {
                                    int row = y * stride + r - pad, col = z * stride + s - pad;
                                    if (row >= 0 && row < h && col >= 0 && col < w) {
                                        sum += W.get(((f * c + ch) * fh + r) * fw + s) * x.get(((i * c + ch) * h + row) * w + col);
                                    }
                                }
                            }
                        }
                        out.set(k++, sum);
                    }
                }
            }
        }
        return out;
    }
}
