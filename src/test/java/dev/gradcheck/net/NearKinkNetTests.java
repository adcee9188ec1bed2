package dev.gradcheck.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.support.SequentialNet;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The points where the deep run of {@code TwoLayerNetProperties.noGradientElementMismatchesNearKinks}
 * found the correct net failing (README, "Kinks of the hidden layer"): a kink exactly at the point with
 * a jump too small to stand out at h/16, and kinks of other rows closer than h/256 on one side. The
 * checker settles them from each side alone ({@code OneSidedLook}), and a bug at those very elements is
 * still caught.
 */
class NearKinkNetTests {

    /** A net holding exactly these parameters, at batch x with the labels given. */
    record Point(String name, int in, int hidden, int out, double[] W1, double[] b1, double[] W2, double[] b2, double[][] x,
                 int[] labels) {
        TwoLayerNet net() {
            TwoLayerNet net = new TwoLayerNet(in, hidden, out, 0.01, 0);
            List<double[]> values = List.of(W1, b1, W2, b2);
            List<String> keys = List.of("W1", "b1", "W2", "b2");
            for (int k = 0; k < keys.size(); k++) {
                System.arraycopy(values.get(k), 0, net.params().get(keys.get(k)).value().data(), 0, values.get(k).length);
            }
            return net;
        }

        Tensor batch() {
            return Tensor.matrix(x);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Hidden unit 1 has W1 -7e-4, b1 0: its rows sit 3.5e-7, 7.9e-6 and 2.1e-3 below the kink, all inactive. */
    static final Point ROWS_JUST_BELOW = new Point("rows 3.5e-7 and 7.9e-6 below the kink", 1, 4, 3,
            new double[] {0.0011, -7.0E-4, 0.0817, 0.0}, new double[] {0.1702, 0.0, 0.0029, 0.278},
            new double[] {-0.0073, 0.0068, 0.427, 4.0E-4, -0.0147, 0.0229, -0.7011, 0.3072, -0.1338, -0.0036, 0.515, 0.0034},
            new double[] {-3.0E-4, -2.0E-4, 0.0033}, new double[][] {{3.0}, {0.0113}, {5.0E-4}}, new int[] {0, 1, 0});

    /** Hidden unit 1 has W1 0.0036, b1 0: its rows sit 3.6e-7 and 4e-5 above the kink, both active. */
    static final Point ROWS_JUST_ABOVE = new Point("rows 3.6e-7 and 4e-5 above the kink", 1, 4, 5,
            new double[] {-0.5395, 0.0036, -0.3177, 0.031}, new double[] {-0.6284, 0.0, -0.0045, 0.003},
            new double[] {-0.0164, -0.6129, -0.226, 0.0026, 0.7103, -0.0012, -0.2212, 7.0E-4, -0.0472, -0.0083, 0.0015,
                0.0051, 0.0349, 1.0, -0.143, 0.0019, 0.1112, -1.0, -0.0288, 0.0026},
            new double[] {-0.1548, 9.0E-4, -4.0E-4, 0.605, 0.1057}, new double[][] {{1.0E-4}, {0.0111}}, new int[] {3, 2});

    /** Hidden unit 3 has W1 6e-4, b1 0: rows at -3.6e-7, 2.7e-5 and -2.2e-6, kinks on both sides. */
    static final Point ROWS_ON_BOTH_SIDES = new Point("rows 3.6e-7 below and 2.7e-5 above the kink", 1, 5, 2,
            new double[] {-0.0153, 0.3064, 0.0038, 6.0E-4, 0.0115}, new double[] {0.0612, 0.0095, 0.0012, 0.0, -0.0012},
            new double[] {0.0014, -7.0E-4, 0.0098, 0.0022, -7.0E-4, -0.1381, 0.2462, -0.545, 4.0E-4, -0.0465},
            new double[] {-0.8018, 0.0138}, new double[][] {{-6.0E-4}, {0.0452}, {-0.0037}}, new int[] {1, 0, 0});

    static Stream<Arguments> kinksOfOtherRowsOnOneSide() {
        return Stream.of(Arguments.of(ROWS_JUST_BELOW, 1, -1e-6), Arguments.of(ROWS_JUST_ABOVE, 1, 1e-6),
                Arguments.of(ROWS_ON_BOTH_SIDES, 3, -1e-6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinksOfOtherRowsOnOneSide")
    void kinksCloserThanTheSmallestStepAreSettledFromTheCleanSide(Point p, int unit, double unused) {
        CheckReport report = GradientCheck.check(p.net().checkable(p.batch(), Labels.indices(p.labels())));
        assertTrue(report.passed(), report.describe());
        TensorReport b1 = report.tensor("b1").orElseThrow();
        assertEquals(1, b1.rechecked(), "b1 (" + unit + ") is rechecked from the side without a kink");
        assertEquals(b1.analytic().get(unit), b1.numeric().get(unit), 1e-9, "the clean side's derivative is A");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinksOfOtherRowsOnOneSide")
    void aReluMaskWithSlackIsCaughtAtTheseVeryElements(Point p, int unit, double threshold) {
        Net broken = SequentialNet.twoLayer("ReluWithSlackNet", p.net(), Affine::new, new ReluWithSlack(threshold));
        CheckReport report = GradientCheck.check(broken.checkable(p.batch(), Labels.indices(p.labels())));
        TensorReport b1 = report.tensor("b1").orElseThrow();
        assertFalse(b1.passed(), report.describe());
        assertEquals(unit, b1.worstIndex(), "the near-kink element itself fails: " + b1.verdict());
    }

    @Test
    void anExactKinkWithASmallJumpIsSkippedNotFailed() {
        Point p = new Point("W1 and b1 exactly 0", 1, 1, 2, new double[] {0.0}, new double[] {0.0}, new double[] {0.0, 1.0E-4},
                new double[] {0.0, 0.0}, new double[][] {{1.0E-4}}, new int[] {0});
        CheckReport report = GradientCheck.check(p.net().checkable(p.batch(), Labels.indices(p.labels())));
        TensorReport W1 = report.tensor("W1").orElseThrow();
        assertEquals(0, W1.failures(), W1.verdict());
        assertEquals(1, W1.skipped(), "one-sided slopes 0 and 5e-9: no derivative at the point");
    }

    /**
     * Relu whose mask compares with a small threshold instead of 0, as if with a tolerance: wrong only
     * for pre-activations between 0 and the threshold, exactly the rows next to the kinks above.
     */
    static final class ReluWithSlack implements Layer {
        private final Relu relu = new Relu();
        private final double threshold;
        private Tensor x;

        ReluWithSlack(double threshold) {
            this.threshold = threshold;
        }

        @Override public Tensor forward(Tensor x) {
            this.x = x.copy();
            return relu.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.zip(dout, x, (d, v) -> v > threshold ? d : 0.0);
        }
    }
}
