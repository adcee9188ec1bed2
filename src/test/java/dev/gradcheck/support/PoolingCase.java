package dev.gradcheck.support;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.layers.Pooling;
import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import java.util.List;

/**
 * A max-Pooling gradient-check case: input (n, c, h, w), a ph × pw window, stride and pad.
 * {@link #toString()} is a stable id for reports and baselines.
 */
public record PoolingCase(int n, int c, int h, int w, int ph, int pw, int stride, int pad) {

    /** Batch 1, several channels, non-square images and windows, stride 1 (overlapping windows) and 2, pad 0 and 1. */
    public static List<PoolingCase> shapes() {
        return List.of(
                new PoolingCase(1, 1, 2, 2, 2, 2, 2, 0),
                new PoolingCase(2, 3, 4, 6, 2, 2, 2, 0),
                new PoolingCase(1, 2, 5, 4, 2, 2, 1, 0),
                new PoolingCase(2, 1, 4, 4, 3, 3, 1, 1),
                new PoolingCase(1, 2, 6, 5, 2, 3, 2, 0),
                new PoolingCase(2, 2, 5, 5, 3, 3, 2, 1));
    }

    public Pooling layer() {
        return new Pooling(ph, pw, stride, pad);
    }

    /** x ~ N(0, 1) from seed: ties have probability 0. */
    public Tensor input(long seed) {
        return TestTensors.gaussian(seed, 1, n, c, h, w);
    }

    /** The baseline id of this case with {@code seed}. */
    public CheckId checkId(long seed) {
        return CheckId.of("Pooling").shape("x", n, c, h, w).shape("pool", ph, pw)
                .with("stride", stride).with("pad", pad).seed(seed);
    }

    @Override
    public String toString() {
        return "x " + Shapes.format(new int[] {n, c, h, w}) + ", pool " + ph + " × " + pw + ", stride " + stride
                + ", pad " + pad;
    }
}
