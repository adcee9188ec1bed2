package dev.gradcheck.testkit;

import dev.gradcheck.tensor.Tensor;
import java.util.Arrays;
import org.apiguardian.api.API;

/** Writes generated tensors in full, row by row, for the toString of the cases a property reports. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CaseFormat {

    /** Elements beyond this many are elided; a shrunk case is far smaller. */
    public static final int MAX_ELEMENTS = 256;

    private CaseFormat() {
    }

    /** {@code x (2, 3) [[0.5, -1.0, 0.25], [0.0, 1.0, 2.0]]}. */
    public static String named(String name, Tensor t) {
        return name + " " + t.shapeString() + " " + values(t);
    }

    /** The elements, nested by row for a matrix, flat otherwise. */
    public static String values(Tensor t) {
        int shown = Math.min(t.size(), MAX_ELEMENTS);
        int cols = t.rank() == 2 ? t.dim(1) : t.size();
        StringBuilder s = new StringBuilder(t.rank() == 2 ? "[[" : "[");
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                s.append(t.rank() == 2 && i % cols == 0 ? "], [" : ", ");
            }
            s.append(t.get(i));
        }
        if (shown < t.size()) {
            s.append(", ... (").append(t.size() - shown).append(" more)");
        }
        return s.append(t.rank() == 2 ? "]]" : "]").toString();
    }

    /** {@code labels [0, 2]}. */
    public static String labels(int[] classes) {
        return "labels " + Arrays.toString(classes);
    }
}
