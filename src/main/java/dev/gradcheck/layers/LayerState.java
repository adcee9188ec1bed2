package dev.gradcheck.layers;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import java.util.Arrays;

/** The checks every layer's backward opens with, so their messages read the same everywhere. */
final class LayerState {

    private LayerState() {
    }

    /** Fails unless forward has stored its cache. */
    static void requireForward(Object cache, Object layer) {
        if (cache == null) {
            throw new IllegalStateException(name(layer) + ".backward called before forward");
        }
    }

    /** Fails unless {@code t} has {@code expected} shape, naming the layer and the tensor. */
    static void requireShape(String what, Tensor t, int[] expected, Object layer) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new ShapeException(name(layer) + ".backward: " + what + " has shape " + t.shapeString()
                    + " but forward's output had shape " + Shapes.format(expected));
        }
    }

    private static String name(Object layer) {
        return LayerNames.of(layer);
    }
}
