package dev.gradcheck.check;

import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.layers.AddLayer;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.MulLayer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.support.Baselines;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chapter-5 layer, over several shapes (batch 1, non-square, higher rank) and seeds: the
 * analytic gradient of every input and parameter matches the central difference, and its mean
 * |A - N| has not grown beyond the baseline recorded in {@code fixtures/baselines}.
 */
class LayerGradientCheckTests {

    /** (rows, cols) of the input: batch 1, a column, square, wide and tall. */
    static Stream<Arguments> shapesAndSeeds() {
        List<int[]> shapes = List.of(new int[] {1, 1}, new int[] {1, 7}, new int[] {4, 1}, new int[] {3, 3},
                new int[] {2, 9}, new int[] {8, 3});
        return shapes.stream().flatMap(s -> Stream.of(1L, 42L).map(seed -> Arguments.of(s[0], s[1], seed)));
    }

    @ParameterizedTest(name = "x ({0}, {1}), seed {2}")
    @MethodSource("shapesAndSeeds")
    void mulLayerBackwardMatchesCentralDifference(int rows, int cols, long seed, TestReporter reporter) {
        Tensor x = TestTensors.gaussian(seed, 1, rows, cols);
        Tensor y = TestTensors.gaussian(seed + 1, 1, rows, cols);
        CheckId id = CheckId.of("MulLayer").shape("x", rows, cols).shape("y", rows, cols).seed(seed);
        assertChecks(id, Checkable.of(new MulLayer(), x, y, seed), reporter, "x", "y");
    }

    @ParameterizedTest(name = "x ({0}, {1}), seed {2}")
    @MethodSource("shapesAndSeeds")
    void addLayerBackwardMatchesCentralDifference(int rows, int cols, long seed, TestReporter reporter) {
        Tensor x = TestTensors.gaussian(seed, 1, rows, cols);
        Tensor y = TestTensors.gaussian(seed + 1, 1, rows, cols);
        CheckId id = CheckId.of("AddLayer").shape("x", rows, cols).shape("y", rows, cols).seed(seed);
        assertChecks(id, Checkable.of(new AddLayer(), x, y, seed), reporter, "x", "y");
    }

    @ParameterizedTest(name = "x ({0}, {1}), seed {2}")
    @MethodSource("shapesAndSeeds")
    void reluBackwardMatchesCentralDifference(int rows, int cols, long seed, TestReporter reporter) {
        Tensor x = TestTensors.gaussian(seed, 1, rows, cols);
        CheckId id = CheckId.of("Relu").shape("x", rows, cols).seed(seed);
        assertChecks(id, Checkable.of(new Relu(), x, seed), reporter, "x");
    }

    @ParameterizedTest(name = "x ({0}, {1}), seed {2}")
    @MethodSource("shapesAndSeeds")
    void sigmoidBackwardMatchesCentralDifference(int rows, int cols, long seed, TestReporter reporter) {
        Tensor x = TestTensors.gaussian(seed, 3, rows, cols);
        CheckId id = CheckId.of("Sigmoid").shape("x", rows, cols).seed(seed);
        assertChecks(id, Checkable.of(new Sigmoid(), x, seed), reporter, "x");
    }

    @ParameterizedTest(name = "x ({0}, {1}), W ({1}, 5), seed {2}")
    @MethodSource("shapesAndSeeds")
    void affineBackwardMatchesCentralDifference(int rows, int cols, long seed, TestReporter reporter) {
        Tensor x = TestTensors.gaussian(seed, 1, rows, cols);
        Affine affine = new Affine(TestTensors.gaussian(seed + 1, 0.5, cols, 5), TestTensors.gaussian(seed + 2, 0.5, 5));
        CheckId id = CheckId.of("Affine").shape("x", rows, cols).shape("W", cols, 5).seed(seed);
        assertChecks(id, Checkable.of(affine, x, seed), reporter, "x", "W", "b");
    }

    @ParameterizedTest(name = "x ({0}, 2, 2, {1}), seed {2}")
    @MethodSource("shapesAndSeeds")
    void affineOnImagesBackwardMatchesCentralDifference(int rows, int cols, long seed, TestReporter reporter) {
        Tensor images = TestTensors.gaussian(seed, 1, rows, 2, 2, cols);
        Affine affine = new Affine(TestTensors.gaussian(seed + 1, 0.5, 4 * cols, 3), TestTensors.gaussian(seed + 2, 0.5, 3));
        CheckId id = CheckId.of("Affine").shape("x", rows, 2, 2, cols).shape("W", 4 * cols, 3).seed(seed);
        assertChecks(id, Checkable.of(affine, images, seed), reporter, "x", "W", "b");
    }

    @ParameterizedTest(name = "x ({0}, {1}+1), seed {2}")
    @MethodSource("shapesAndSeeds")
    void softmaxWithLossBackwardMatchesCentralDifference(int rows, int cols, long seed, TestReporter reporter) {
        int classes = cols + 1;
        Tensor x = TestTensors.gaussian(seed, 2, rows, classes);
        Labels t = Labels.indices(TestTensors.labels(seed, rows, classes));
        CheckId id = CheckId.of("SoftmaxWithLoss").shape("x", rows, classes).with("labels", "indices").seed(seed);
        assertChecks(id, Checkable.of(new SoftmaxWithLoss(), x, t), reporter, "x");
    }

    @ParameterizedTest(name = "x ({0}, {1}+1), seed {2}")
    @MethodSource("shapesAndSeeds")
    void softmaxWithLossOnLargeScoresBackwardMatchesCentralDifference(int rows, int cols, long seed,
                                                                       TestReporter reporter) {
        int classes = cols + 1;
        Tensor x = TestTensors.uniform(seed, 500, 520, rows, classes);
        Labels t = Labels.oneHot(Labels.indices(TestTensors.labels(seed, rows, classes)).toOneHot(classes));
        CheckId id = CheckId.of("SoftmaxWithLoss").shape("x", rows, classes).with("scores", "500to520")
                .with("labels", "onehot").seed(seed);
        assertChecks(id, Checkable.of(new SoftmaxWithLoss(), x, t), reporter, "x");
    }

    /** The tolerance check, then the baseline gate (fixtures/baselines/<unit>.txt) for every tensor. */
    private static void assertChecks(CheckId id, Checkable unit, TestReporter reporter, String... names) {
        CheckReport report = assertGradientsMatch(unit);
        assertEquals(List.of(names), report.tensors().stream().map(TensorReport::name).toList(),
                "every input and parameter is checked");
        Baselines.assertNoRegression(id, report, reporter);
    }
}
