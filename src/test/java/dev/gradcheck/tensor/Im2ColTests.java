package dev.gradcheck.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import org.junit.jupiter.api.Test;

/** im2col lays windows out as rows; col2im adds them back; shapes that do not tile are named. */
class Im2ColTests {

    /** One channel, 3 × 3: 1 … 9. */
    private static final Tensor NINE = Tensor.wrap(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);

    @Test
    void im2colLaysEachWindowOutAsARow() {
        Tensor col = new Im2Col(2, 2, 1, 0).im2col(NINE);
        assertArrayEquals(new int[] {4, 4}, col.shape());
        assertArrayEquals(new double[] {
            1, 2, 4, 5,
            2, 3, 5, 6,
            4, 5, 7, 8,
            5, 6, 8, 9}, col.data());
    }

    @Test
    void im2colReadsZerosFromThePadding() {
        Tensor col = new Im2Col(2, 2, 2, 1).im2col(Tensor.wrap(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));
        assertArrayEquals(new double[] {
            0, 0, 0, 1,
            0, 0, 2, 0,
            0, 3, 0, 0,
            4, 0, 0, 0}, col.data());
    }

    @Test
    void im2colOrdersColumnsByChannelThenWindowPosition() {
        Tensor x = Tensor.wrap(new double[] {1, 2, 3, 4, 10, 20, 30, 40}, 1, 2, 2, 2);
        Tensor col = new Im2Col(2, 1, 1, 0).im2col(x);
        assertArrayEquals(new double[] {1, 3, 10, 30, 2, 4, 20, 40}, col.data(), "rows: output (0, 0), (0, 1)");
    }

    @Test
    void col2imAddsOverlappingWindows() {
        Tensor ones = TensorOps.map(Tensor.zeros(4, 4), v -> 1);
        Tensor counts = new Im2Col(2, 2, 1, 0).col2im(ones, new int[] {1, 1, 3, 3});
        assertArrayEquals(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, counts.data(), "how many windows cover each element");
    }

    @Test
    void col2imDropsEntriesFromThePadding() {
        Tensor ones = TensorOps.map(Tensor.zeros(4, 4), v -> 1);
        Tensor counts = new Im2Col(2, 2, 2, 1).col2im(ones, new int[] {1, 1, 2, 2});
        assertArrayEquals(new double[] {1, 1, 1, 1}, counts.data());
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        Im2Col geometry = new Im2Col(3, 2, 2, 1);
        Tensor x = TestTensors.gaussian(1, 1, 2, 3, 5, 6);
        Tensor col = geometry.im2col(x);
        Tensor c = TestTensors.gaussian(2, 1, col.shape());
        assertEquals(TensorOps.dotAll(col, c), TensorOps.dotAll(x, geometry.col2im(c, x.shape())), 1e-12,
                "<im2col(x), c> = <x, col2im(c)>: col2im is im2col's backward");
    }

    @Test
    void imagesToRowsUndoesRowsToImages() {
        Tensor rows = TestTensors.gaussian(3, 1, 2 * 3 * 4, 5);
        Tensor images = Im2Col.rowsToImages(rows, 2, 3, 4);
        assertArrayEquals(new int[] {2, 5, 3, 4}, images.shape());
        assertEquals(rows.get(1 * 12 + 2 * 4 + 3, 4), images.get(((1 * 5 + 4) * 3 + 2) * 4 + 3), "row (n 1, y 2, x 3), column 4");
        assertTrue(Im2Col.imagesToRows(images).sameBits(rows));
    }

    @Test
    void anInputSmallerThanTheFilterIsNamed() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Im2Col(3, 3, 1, 0).im2col(Tensor.zeros(1, 2, 2, 5)));
        assertEquals("im2col: x has shape (1, 2, 2, 5): its height 2 padded by 0 on each side is 2, smaller than the"
                + " window's 3", e.getMessage());
    }

    @Test
    void anOutputSizeThatIsNotAnIntegerIsNamed() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Im2Col(2, 2, 2, 0).im2col(Tensor.zeros(1, 1, 4, 5)));
        assertEquals("im2col: x has shape (1, 1, 4, 5): its width 5 + 2·pad 0 - window 2 = 3 is not a multiple of"
                + " stride 2, so the output width (3 / 2 + 1) is not an integer", e.getMessage());
    }

    @Test
    void anInputOfTheWrongRankIsNamed() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Im2Col(2, 2, 1, 0).im2col(Tensor.zeros(3, 3)));
        assertEquals("im2col: x must have rank 4 (N, C, H, W) but has shape (3, 3)", e.getMessage());
    }

    @Test
    void col2imNamesAColOfTheWrongShape() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new Im2Col(2, 2, 1, 0).col2im(Tensor.zeros(4, 3), new int[] {1, 1, 3, 3}));
        assertEquals("col2im: col has shape (4, 3) but im2col of (1, 1, 3, 3) with Im2Col(window 2 × 2, stride 1, pad 0)"
                + " gives (4, 4)", e.getMessage());
    }

    @Test
    void aNonPositiveStrideIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Im2Col(2, 2, 0, 0));
        assertEquals("im2col: window 2 × 2, stride 0, pad 0; the window and the stride must be positive and the pad"
                + " non-negative", e.getMessage());
    }
}
