package dev.gradcheck.tensor;

import java.util.Arrays;

/**
 * The book's {@code im2col} and {@code col2im} for a filterH × filterW window (a convolution filter or
 * a pooling window) moved by {@code stride} over an (N, C, H, W) input padded with {@code pad} zeros on
 * every side. Book §7.4.3, {@code common/util.py}.
 *
 * <p>{@link #im2col} lays every window out as one row of a matrix (N·outH·outW, C·filterH·filterW):
 * rows in (n, y, x) order over output positions, columns in (c, i, j) order over the window, so a
 * convolution becomes one matrix product. {@link #col2im} is its adjoint, and so its backward pass:
 * it adds every entry back onto the input element it came from, summing where windows overlap and
 * dropping entries that came from the padding. Sums run in a fixed order, so results are bit-identical.
 *
 * <p>The windows must tile the padded input exactly: {@code H + 2·pad - filterH} must be a
 * non-negative multiple of {@code stride} (likewise for W). The book rounds down instead and silently
 * ignores the last rows or columns; here that is a {@link ShapeException} naming the shapes.
 */
public final class Im2Col {

    /** Window height and width. */
    private final int filterH, filterW;

    /** Step between windows and zeros added on each side, in both directions. */
    private final int stride, pad;

    /** A filterH × filterW window at {@code stride} over an input padded by {@code pad}; the book's arguments. */
    public Im2Col(int filterH, int filterW, int stride, int pad) {
        if (filterH < 1 || filterW < 1 || stride < 1 || pad < 0) {
            throw new IllegalArgumentException("im2col: window " + filterH + " × " + filterW + ", stride " + stride
                    + ", pad " + pad + "; the window and the stride must be positive and the pad non-negative");
        }
        this.filterH = filterH;
        this.filterW = filterW;
        this.stride = stride;
        this.pad = pad;
    }

    /**
     * The output size {@code {outH, outW}} for an input of shape (N, C, H, W); fails with a message that
     * starts with {@code what} (such as {@code Convolution.forward: x}) and names the shapes unless the
     * input has rank 4 and the windows tile it exactly.
     */
    public int[] outputSize(int[] inputShape, String what) {
        if (inputShape.length != 4) {
            throw new ShapeException(what + " must have rank 4 (N, C, H, W) but has shape " + Shapes.format(inputShape));
        }
        return new int[] {extent(inputShape, 2, filterH, "height", what), extent(inputShape, 3, filterW, "width", what)};
    }

    /** @param x (N, C, H, W); not modified. @return (N·outH·outW, C·filterH·filterW), one window per row. */
    public Tensor im2col(Tensor x) {
        int[] s = x.shape();
        int[] out = outputSize(s, "im2col: x");
        Tensor col = Tensor.zeros(Math.multiplyExact(s[0], out[0] * out[1]), s[1] * filterH * filterW);
        int[] source = sources(s, out);
        double[] img = x.data();
        double[] dst = col.data();
        for (int k = 0; k < dst.length; k++) {
            dst[k] = source[k] < 0 ? 0.0 : img[source[k]];
        }
        return col;
    }

    /**
     * @param col        shaped like {@link #im2col}'s result for {@code inputShape}; not modified
     * @param inputShape (N, C, H, W) of the image the rows came from
     * @return (N, C, H, W): each element the sum, in row order, of the entries of col that im2col copied from it
     */
    public Tensor col2im(Tensor col, int[] inputShape) {
        int[] s = inputShape.clone();
        int[] out = outputSize(s, "col2im: inputShape");
        int[] expected = {s[0] * out[0] * out[1], s[1] * filterH * filterW};
        if (!Arrays.equals(col.shape(), expected)) {
            throw new ShapeException("col2im: col has shape " + col.shapeString() + " but im2col of " + Shapes.format(s)
                    + " with " + this + " gives " + Shapes.format(expected));
        }
        Tensor x = Tensor.zeros(s);
        int[] source = sources(s, out);
        double[] src = col.data();
        double[] img = x.data();
        for (int k = 0; k < src.length; k++) {
            if (source[k] >= 0) {
                img[source[k]] += src[k];
            }
        }
        return x;
    }

    /** (N·outH·outW, K) with rows in (n, y, x) order to (N, K, outH, outW): numpy's {@code reshape(N, outH, outW, -1).transpose(0, 3, 1, 2)}. */
    public static Tensor rowsToImages(Tensor rows, int n, int outH, int outW) {
        rows.requireRank(2, "rowsToImages: rows");
        int positions = outH * outW;
        if (rows.dim(0) != n * positions) {
            throw new ShapeException("rowsToImages: rows has shape " + rows.shapeString() + " but " + n + " images of "
                    + outH + " × " + outW + " need " + n * positions + " rows");
        }
        int k = rows.dim(1);
        Tensor images = Tensor.zeros(n, k, outH, outW);
        double[] src = rows.data();
        double[] dst = images.data();
        for (int r = 0; r < src.length / k; r++) {
            int image = r / positions;
            int position = r % positions;
            for (int c = 0; c < k; c++) {
                dst[(image * k + c) * positions + position] = src[r * k + c];
            }
        }
        return images;
    }

    /** (N, K, outH, outW) to (N·outH·outW, K), the inverse of {@link #rowsToImages}: numpy's {@code transpose(0, 2, 3, 1).reshape(-1, K)}. */
    public static Tensor imagesToRows(Tensor images) {
        images.requireRank(4, "imagesToRows: images");
        int n = images.dim(0);
        int k = images.dim(1);
        int positions = images.dim(2) * images.dim(3);
        Tensor rows = Tensor.zeros(n * positions, k);
        double[] src = images.data();
        double[] dst = rows.data();
        for (int r = 0; r < n * positions; r++) {
            int image = r / positions;
            int position = r % positions;
            for (int c = 0; c < k; c++) {
                dst[r * k + c] = src[(image * k + c) * positions + position];
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return "Im2Col(window " + filterH + " × " + filterW + ", stride " + stride + ", pad " + pad + ")";
    }

    /** For each entry of im2col's matrix, the flat index of the input element it copies, or -1 in the padding. */
    private int[] sources(int[] s, int[] out) {
        int[] source = new int[s[0] * out[0] * out[1] * s[1] * filterH * filterW];
        int k = 0;
        for (int n = 0; n < s[0]; n++) {
            for (int y = 0; y < out[0]; y++) {
                for (int x = 0; x < out[1]; x++) {
                    for (int c = 0; c < s[1]; c++) {
                        for (int i = 0; i < filterH; i++) {
                            for (int j = 0; j < filterW; j++) {
                                source[k++] = index(s, n, c, y * stride + i - pad, x * stride + j - pad);
                            }
                        }
                    }
                }
            }
        }
        return source;
    }

    /** Flat index of (n, c, row, column) in an input of shape s, or -1 when the position lies in the padding. */
    private static int index(int[] s, int n, int c, int row, int column) {
        boolean inside = row >= 0 && row < s[2] && column >= 0 && column < s[3];
        return inside ? ((n * s[1] + c) * s[2] + row) * s[3] + column : -1;
    }

    /** Output extent along {@code axis}, or a ShapeException naming the input, the filter, the stride and the pad. */
    private int extent(int[] shape, int axis, int filter, String name, String what) {
        int padded = shape[axis] + 2 * pad;
        if (padded < filter) {
            throw new ShapeException(what + " has shape " + Shapes.format(shape) + ": its " + name + " " + shape[axis]
                    + " padded by " + pad + " on each side is " + padded + ", smaller than the window's " + filter);
        }
        if ((padded - filter) % stride != 0) {
            throw new ShapeException(what + " has shape " + Shapes.format(shape) + ": its " + name + " " + shape[axis]
                    + " + 2·pad " + pad + " - window " + filter + " = " + (padded - filter) + " is not a multiple of stride "
                    + stride + ", so the output " + name + " (" + (padded - filter) + " / " + stride
                    + " + 1) is not an integer");
        }
        return (padded - filter) / stride + 1;
    }
}
