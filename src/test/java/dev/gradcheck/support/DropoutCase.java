package dev.gradcheck.support;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import java.util.List;

/**
 * A Dropout gradient-check case: the input's shape and the dropout ratio.
 * {@link #toString()} is a stable id for reports and baselines.
 */
public record DropoutCase(double ratio, int... shape) {

    /** Batch 1, a single element, wide, tall and images, at the book's ratio 0.5 and at 0.2. */
    public static List<DropoutCase> shapes() {
        return List.of(
                new DropoutCase(0.5, 1, 1),
                new DropoutCase(0.5, 1, 7),
                new DropoutCase(0.5, 4, 3),
                new DropoutCase(0.2, 3, 7),
                new DropoutCase(0.5, 2, 3, 2, 2));
    }

    /** The mask is drawn from seed + 1. */
    public Dropout layer(long seed) {
        return new Dropout(ratio, seed + 1);
    }

    /** x ~ N(0, 1) from seed. */
    public Tensor input(long seed) {
        return TestTensors.gaussian(seed, 1, shape);
    }

    /** The baseline id of this case in {@code mode} (train or test) with {@code seed}. */
    public CheckId checkId(String mode, long seed) {
        return CheckId.of("Dropout").shape("x", shape).with("ratio", ratio).with("mode", mode).seed(seed);
    }

    @Override
    public String toString() {
        return "x " + Shapes.format(shape) + ", ratio " + ratio;
    }
}
