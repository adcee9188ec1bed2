package dev.gradcheck.support;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.layers.Convolution;
import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import java.util.List;

/**
 * A Convolution gradient-check case: input (n, c, h, w), fn filters of fh × fw, stride and pad.
 * Seeded factories give the layer and its input; {@link #toString()} is a stable id for reports and baselines.
 */
public record ConvolutionCase(int n, int c, int h, int w, int fn, int fh, int fw, int stride, int pad) {

    /** Batch 1, several channels, non-square images and filters, stride 1 and 2, pad 0 and 1, overlapping windows. */
    public static List<ConvolutionCase> shapes() {
        return List.of(
                new ConvolutionCase(1, 1, 3, 3, 1, 2, 2, 1, 0),
                new ConvolutionCase(2, 3, 5, 4, 2, 3, 3, 1, 1),
                new ConvolutionCase(2, 2, 5, 7, 3, 3, 3, 2, 0),
                new ConvolutionCase(1, 3, 6, 4, 2, 2, 2, 2, 1),
                new ConvolutionCase(3, 1, 4, 5, 2, 1, 3, 1, 0),
                new ConvolutionCase(2, 2, 3, 6, 2, 3, 2, 2, 1));
    }

    /** W ~ N(0, 0.5²) from seed + 1, b ~ N(0, 0.5²) from seed + 2. */
    public Convolution layer(long seed) {
        return new Convolution(TestTensors.gaussian(seed + 1, 0.5, fn, c, fh, fw), TestTensors.gaussian(seed + 2, 0.5, fn),
                stride, pad);
    }

    /** x ~ N(0, 1) from seed. */
    public Tensor input(long seed) {
        return TestTensors.gaussian(seed, 1, n, c, h, w);
    }

    /** The baseline id of this case with {@code seed}. */
    public CheckId checkId(long seed) {
        return CheckId.of("Convolution").shape("x", n, c, h, w).shape("W", fn, c, fh, fw)
                .with("stride", stride).with("pad", pad).seed(seed);
    }

    @Override
    public String toString() {
        return "x " + Shapes.format(new int[] {n, c, h, w}) + ", W " + Shapes.format(new int[] {fn, c, fh, fw})
                + ", stride " + stride + ", pad " + pad;
    }
}
