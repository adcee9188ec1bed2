package dev.gradcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tensors of every rank are laid out so that neighbours stay neighbours. */
class TensorGridTests {

    @Test
    void aMatrixIsItself() {
        int[] shape = {3, 4};
        TensorGrid grid = TensorGrid.of(shape);
        assertEquals(3, grid.rows());
        assertEquals(4, grid.cols());
        assertEquals(2, grid.row(shape, 11));
        assertEquals(3, grid.col(shape, 11));
    }

    @Test
    void aVectorIsOneRow() {
        int[] shape = {7};
        TensorGrid grid = TensorGrid.of(shape);
        assertEquals(1, grid.rows());
        assertEquals(7, grid.cols());
        assertEquals(0, grid.row(shape, 6));
        assertEquals(6, grid.col(shape, 6));
    }

    @Test
    void imagesBecomeABatchByChannelArrayOfTiles() {
        int[] shape = {2, 3, 4, 5};
        TensorGrid grid = TensorGrid.of(shape);
        assertEquals(2 * 4, grid.rows());
        assertEquals(3 * 5, grid.cols());
        assertEquals(4, grid.tileRows());
        assertEquals(5, grid.tileCols());
        int flat = ((1 * 3 + 2) * 4 + 3) * 5 + 4;
        assertEquals(1 * 4 + 3, grid.row(shape, flat), "row n·H + h of element (1, 2, 3, 4)");
        assertEquals(2 * 5 + 4, grid.col(shape, flat), "column c·W + w of element (1, 2, 3, 4)");
    }

    @Test
    void aRank3TensorStacksItsSlices() {
        int[] shape = {2, 3, 4};
        TensorGrid grid = TensorGrid.of(shape);
        assertEquals(6, grid.rows());
        assertEquals(4, grid.cols());
        assertEquals(3, grid.tileRows());
        int flat = (1 * 3 + 2) * 4 + 1;
        assertEquals(5, grid.row(shape, flat));
        assertEquals(1, grid.col(shape, flat));
    }
}
