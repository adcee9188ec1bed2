package dev.gradcheck.testkit;

import dev.gradcheck.tensor.Shapes;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The extents of a generated tensor, such as (batch, features); a value, so it reads well in a
 * property's report and can be compared.
 *
 * @param dims extent of each axis, every one at least 1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Shape(int[] dims) {

    public Shape {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one axis");
        }
        for (int axis = 0; axis < dims.length; axis++) {
            if (dims[axis] < 1) {
                throw new IllegalArgumentException("axis " + axis + " of shape " + Shapes.format(dims) + " must be positive");
            }
        }
        dims = dims.clone();
    }

    /** The shape with these extents. */
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** A copy of the extents. */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Extent of axis {@code axis}. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** Number of axes. */
    public int rank() {
        return dims.length;
    }

    /** Number of elements. */
    public int size() {
        return Math.toIntExact(Shapes.size(dims));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code (2, 3)}. */
    @Override
    public String toString() {
        return Shapes.format(dims);
    }
}
