package dev.gradcheck.tensor;

import java.util.Arrays;

/**
 * An n-dimensional array of doubles: an {@code int[]} shape and a row-major {@code double[]}.
 *
 * <p>The data array is live: {@link #data()} returns it without copying, and the numerical
 * gradient perturbs parameter elements in place through {@link #set(int, double)}. Layers treat
 * the tensors they receive as read-only and always return new tensors.
 */
public final class Tensor {

    /** Extent of each axis; empty for a scalar. */
    private final int[] shape;

    /** Elements in row-major order; {@code data.length} is the product of {@link #shape}. */
    private final double[] data;

    private Tensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** Wraps {@code data} without copying; fails if its length is not the product of {@code shape}. */
    public static Tensor wrap(double[] data, int... shape) {
        int[] s = validShape(shape);
        long size = Shapes.size(s);
        if (data.length != size) {
            throw new IllegalArgumentException("data has " + data.length + " elements but shape "
                    + Shapes.format(s) + " needs " + size);
        }
        return new Tensor(s, data);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        int[] s = validShape(shape);
        long size = Shapes.size(s);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + Shapes.format(s) + " has too many elements: " + size);
        }
        return new Tensor(s, new double[(int) size]);
    }

    /** A tensor of zeros with the shape of {@code like}. */
    public static Tensor zerosLike(Tensor like) {
        return new Tensor(like.shape.clone(), new double[like.data.length]);
    }

    /** A rank-0 tensor holding one value. */
    public static Tensor scalar(double value) {
        return new Tensor(new int[0], new double[] {value});
    }

    /** A rank-1 tensor holding a copy of {@code values}. */
    public static Tensor vector(double... values) {
        return new Tensor(new int[] {values.length}, values.clone());
    }

    /** A rank-2 tensor holding a copy of {@code rows}; every row must have the same length. */
    public static Tensor matrix(double[]... rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row");
        }
        int cols = rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length
                        + " elements but row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Tensor(new int[] {rows.length, cols}, data);
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Extent of axis {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The live backing array, row-major; writes change this tensor. */
    public double[] data() {
        return data;
    }

    /** Element at flat (row-major) index {@code i}. */
    public double get(int i) {
        return data[i];
    }

    /** Element at row {@code r}, column {@code c} of a rank-2 tensor. */
    public double get(int r, int c) {
        requireRank(2, "get(r, c) on a tensor that");
        return data[r * shape[1] + c];
    }

    /** Sets the element at flat index {@code i}. */
    public void set(int i, double value) {
        data[i] = value;
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(shape.clone(), data.clone());
    }

    /** A tensor with the same data array seen through another shape of equal size. */
    public Tensor reshape(int... newShape) {
        return wrap(data, newShape);
    }

    /** Whether {@code other} has the same shape. */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** Whether {@code other} has the same shape and bit-identical elements (NaN equals NaN, 0.0 differs from -0.0). */
    public boolean sameBits(Tensor other) {
        if (!sameShape(other)) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (Double.doubleToLongBits(data[i]) != Double.doubleToLongBits(other.data[i])) {
                return false;
            }
        }
        return true;
    }

    /** Flat index of the first element that is NaN or infinite, or -1. */
    public int firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The shape as {@code (2, 3)}. */
    public String shapeString() {
        return Shapes.format(shape);
    }

    /** The multi-index of flat index {@code i} as {@code (1, 2)}. */
    public String indexString(int i) {
        return Shapes.formatIndex(shape, i);
    }

    /** Fails with a message naming {@code what} unless this tensor has rank {@code rank}. */
    public void requireRank(int rank, String what) {
        if (shape.length != rank) {
            throw new ShapeException(what + " must have rank " + rank + " but has shape " + shapeString());
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Tensor").append(shapeString()).append(" [");
        int shown = Math.min(data.length, 8);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return s.append(data.length > shown ? ", ...]" : "]").toString();
    }

    private static int[] validShape(int[] shape) {
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] < 1) {
                throw new IllegalArgumentException("axis " + axis + " of shape " + Shapes.format(shape)
                        + " must be positive");
            }
        }
        return shape.clone();
    }
}
