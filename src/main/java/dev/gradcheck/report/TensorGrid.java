package dev.gradcheck.report;

import java.util.Arrays;

/**
 * How a tensor of any rank is laid out as a grid of rows and columns for a heat map, so that
 * neighbouring elements stay neighbours: a vector is one row, a matrix is itself, images
 * {@code (N, C, H, W)} become an N × C array of H × W tiles (row {@code n·H + h}, column
 * {@code c·W + w}), a rank-3 tensor {@code (A, B, C)} stacks its A slices of B × C, and higher ranks
 * stack every leading index above the last two.
 *
 * @param rows        grid rows
 * @param cols        grid columns
 * @param tileRows    rows of one tile (rows when there is one tile per column of tiles)
 * @param tileCols    columns of one tile
 * @param rowLabel    what a row number means, such as {@code n·H + h}
 * @param colLabel    what a column number means
 */
public record TensorGrid(int rows, int cols, int tileRows, int tileCols, String rowLabel, String colLabel) {

    /** The grid of a tensor of {@code shape}. */
    public static TensorGrid of(int[] shape) {
        switch (shape.length) {
            case 0:
                return new TensorGrid(1, 1, 1, 1, "row", "column");
            case 1:
                return new TensorGrid(1, shape[0], 1, shape[0], "row", "index");
            case 2:
                return new TensorGrid(shape[0], shape[1], shape[0], shape[1], "row", "column");
            case 4:
                return new TensorGrid(shape[0] * shape[2], shape[1] * shape[3], shape[2], shape[3],
                        "n·H + h", "c·W + w");
            default:
                int last = shape[shape.length - 1];
                int tile = shape[shape.length - 2];
                int rows = Arrays.stream(shape, 0, shape.length - 1).reduce(1, (a, b) -> a * b);
                return new TensorGrid(rows, last, tile, last, shape.length == 3 ? "a·B + b" : "leading indices, row-major",
                        "column");
        }
    }

    /** Grid row of the element at row-major flat index {@code flat} of a tensor of {@code shape}. */
    public int row(int[] shape, int flat) {
        if (shape.length == 4) {
            int[] i = unravel(shape, flat);
            return i[0] * shape[2] + i[2];
        }
        return flat / cols;
    }

    /** Grid column of the element at {@code flat}. */
    public int col(int[] shape, int flat) {
        if (shape.length == 4) {
            int[] i = unravel(shape, flat);
            return i[1] * shape[3] + i[3];
        }
        return flat % cols;
    }

    private static int[] unravel(int[] shape, int flat) {
        int[] index = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }
}
