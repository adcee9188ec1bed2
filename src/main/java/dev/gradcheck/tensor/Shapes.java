package dev.gradcheck.tensor;

/** Formatting and arithmetic of shapes, shared by tensors and error messages. */
public final class Shapes {

    private Shapes() {
    }

    /** Product of the extents; 1 for a scalar. */
    public static long size(int[] shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    /** {@code (2, 3)}; {@code ()} for a scalar. */
    public static String format(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(')').toString();
    }

    /** The multi-index of a flat row-major index, formatted like a shape. */
    public static String formatIndex(int[] shape, int flat) {
        int[] index = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        return format(index);
    }
}
