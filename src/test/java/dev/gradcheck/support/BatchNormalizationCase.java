package dev.gradcheck.support;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/**
 * A BatchNormalization gradient-check case: the input's shape, (N, D) or images (N, C, H, W) that the
 * layer flattens to (N, C·H·W). {@link #toString()} is a stable id for reports and baselines.
 */
public record BatchNormalizationCase(int... shape) {

    /** Batch 1 (where x's gradient is exactly 0), batch 2, one feature, wide, tall, and images. */
    public static List<BatchNormalizationCase> shapes() {
        return List.of(
                new BatchNormalizationCase(1, 3),
                new BatchNormalizationCase(2, 1),
                new BatchNormalizationCase(4, 3),
                new BatchNormalizationCase(3, 7),
                new BatchNormalizationCase(8, 2),
                new BatchNormalizationCase(2, 2, 3, 2),
                new BatchNormalizationCase(3, 1, 2, 2));
    }

    /** gamma ~ 1 + N(0, 0.5²) from seed + 1, beta ~ N(0, 0.5²) from seed + 2. */
    public BatchNormalization layer(long seed) {
        int features = features();
        Tensor gamma = TensorOps.map(TestTensors.gaussian(seed + 1, 0.5, features), g -> 1 + g);
        return new BatchNormalization(gamma, TestTensors.gaussian(seed + 2, 0.5, features));
    }

    /** x ~ N(0.5, 2²) from seed. */
    public Tensor input(long seed) {
        return TensorOps.map(TestTensors.gaussian(seed, 2, shape), v -> v + 0.5);
    }

    /** Elements per row: the layer's D. */
    public int features() {
        int features = 1;
        for (int axis = 1; axis < shape.length; axis++) {
            features *= shape[axis];
        }
        return features;
    }

    /** The baseline id of this case in {@code mode} (train or test) with {@code seed}. */
    public CheckId checkId(String mode, long seed) {
        return CheckId.of("BatchNormalization").shape("x", shape).with("mode", mode).seed(seed);
    }

    @Override
    public String toString() {
        return "x " + Shapes.format(shape);
    }
}
