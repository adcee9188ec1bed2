package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.junit.jupiter.api.Test;

/** What BatchNormalization computes: normalized features, running statistics, test mode, shape errors. */
class BatchNormalizationTests {

    private static final double EPS = BatchNormalization.EPS;

    /** x (6, 4): feature j ~ N(j, (j + 1)²). */
    private static Tensor features(long seed) {
        Tensor x = TestTensors.gaussian(seed, 1, 6, 4);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, (i % 4) + (i % 4 + 1) * x.get(i));
        }
        return x;
    }

    private static BatchNormalization identityScale(int features) {
        return new BatchNormalization(TensorOps.map(Tensor.zeros(features), v -> 1), Tensor.zeros(features));
    }

    @Test
    void trainingOutputHasZeroMeanAndUnitVariancePerFeature() {
        Tensor x = features(5);
        Tensor out = identityScale(4).forward(x);
        for (int j = 0; j < 4; j++) {
            double[] column = column(x, j);
            double[] normalized = column(out, j);
            assertEquals(0, mean(normalized), 1e-15, "mean of feature " + j);
            double var = variance(column);
            assertEquals(var / (var + EPS), variance(normalized), 1e-14, "variance of feature " + j + ": 1 up to ε");
            assertEquals(1, variance(normalized), 1e-6);
        }
    }

    @Test
    void gammaAndBetaSetEachFeaturesScaleAndShift() {
        Tensor gamma = Tensor.vector(2, -1, 0.5, 3);
        Tensor beta = Tensor.vector(10, 0, -4, 1);
        Tensor x = features(6);
        Tensor out = new BatchNormalization(gamma, beta).forward(x);
        for (int j = 0; j < 4; j++) {
            double[] column = column(out, j);
            double var = variance(column(x, j));
            assertEquals(beta.get(j), mean(column), 1e-13);
            assertEquals(gamma.get(j) * gamma.get(j) * var / (var + EPS), variance(column), 1e-13);
        }
    }

    @Test
    void eachTrainingForwardMovesTheRunningStatisticsButNotTheOutput() {
        BatchNormalization bn = identityScale(4);
        Tensor x = features(7);
        Tensor first = bn.forward(x);
        double[] mean = new double[4];
        double[] var = new double[4];
        for (int j = 0; j < 4; j++) {
            mean[j] = 0.1 * mean(column(x, j));
            var[j] = 0.1 * variance(column(x, j));
        }
        assertArrayEquals(mean, bn.runningMean().data(), 1e-15, "0.9·0 + 0.1·μ, from the book's zeros");
        assertArrayEquals(var, bn.runningVar().data(), 1e-15);

        Tensor second = bn.forward(x);
        assertTrue(second.sameBits(first), "the training output never reads the running statistics");
        assertFalse(Tensor.vector(mean).sameBits(bn.runningMean()), "but they moved again");
    }

    @Test
    void testModeNormalizesWithTheRunningStatistics() {
        Tensor runningMean = Tensor.vector(1, 2, 3, 4);
        Tensor runningVar = Tensor.vector(4, 1, 9, 0.25);
        BatchNormalization bn = new BatchNormalization(new Parameter("gamma", Tensor.vector(2, 2, 2, 2)),
                new Parameter("beta", Tensor.vector(1, 1, 1, 1)), 0.9, runningMean, runningVar);
        Tensor x = features(8);
        Tensor out = bn.forward(x, false);
        for (int i = 0; i < x.size(); i++) {
            int j = i % 4;
            assertEquals(2 * (x.get(i) - runningMean.get(j)) / Math.sqrt(runningVar.get(j) + EPS) + 1, out.get(i), 1e-13);
        }
        assertTrue(runningMean.sameBits(bn.runningMean()), "test mode leaves the running statistics alone");
        Tensor dx = bn.backward(TensorOps.map(x, v -> 1));
        assertEquals(2 / Math.sqrt(4 + EPS), dx.get(0), 1e-15, "at test time dx = gamma·dout/√(σ² + ε)");
    }

    @Test
    void imagesAreNormalizedPerPixelAsTheBookFlattensThem() {
        Tensor images = TestTensors.gaussian(9, 3, 5, 2, 3, 2);
        Tensor out = identityScale(12).forward(images);
        assertArrayEquals(new int[] {5, 2, 3, 2}, out.shape());
        Tensor rows = out.reshape(5, 12);
        for (int j = 0; j < 12; j++) {
            assertEquals(0, mean(column(rows, j)), 1e-15, "feature " + j);
        }
    }

    @Test
    void backwardBeforeForwardSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> identityScale(2).backward(Tensor.zeros(1, 2)));
        assertEquals("BatchNormalization.backward called before forward", e.getMessage());
    }

    @Test
    void forwardNamesTheFeaturesThatDoNotMatchGamma() {
        ShapeException e = assertThrows(ShapeException.class, () -> identityScale(4).forward(Tensor.zeros(2, 2, 3)));
        assertEquals("BatchNormalization.forward: x has shape (2, 2, 3) (6 features per row) but gamma has shape (4);"
                + " gamma and beta need one entry per feature", e.getMessage());
    }

    @Test
    void constructorNamesABetaOfTheWrongShape() {
        ShapeException e = assertThrows(ShapeException.class, () -> new BatchNormalization(Tensor.zeros(3), Tensor.zeros(4)));
        assertEquals("BatchNormalization: beta has shape (4) but gamma has shape (3); they must be equal", e.getMessage());
    }

    @Test
    void constructorWantsBothRunningStatisticsOrNeither() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchNormalization(
                new Parameter("gamma", Tensor.zeros(2)), new Parameter("beta", Tensor.zeros(2)), 0.9, Tensor.zeros(2), null));
        assertEquals("BatchNormalization: give both runningMean and runningVar, or neither", e.getMessage());
    }

    private static double[] column(Tensor t, int j) {
        int cols = t.dim(1);
        double[] c = new double[t.dim(0)];
        for (int r = 0; r < c.length; r++) {
            c[r] = t.get(r * cols + j);
        }
        return c;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** The biased variance, as the book's {@code np.mean(xc**2)}. */
    private static double variance(double[] v) {
        double m = mean(v);
        double sum = 0;
        for (double x : v) {
            sum += (x - m) * (x - m);
        }
        return sum / v.length;
    }
}
