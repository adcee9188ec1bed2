package dev.gradcheck.check;

import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.support.BatchNormalizationCase;
import dev.gradcheck.support.Baselines;
import dev.gradcheck.support.ConvolutionCase;
import dev.gradcheck.support.DropoutCase;
import dev.gradcheck.support.PoolingCase;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layers of chapters 6 and 7 (Dropout, BatchNormalization, Convolution, Pooling), over the shapes of
 * their {@code *Case} records and two seeds: the analytic gradient of the input and of every parameter
 * matches the central difference.
 */
class Chapter6And7GradientCheckTests {

    private static final List<Long> SEEDS = List.of(1L, 42L);

    static Stream<Arguments> convolutionCases() {
        return withSeeds(ConvolutionCase.shapes());
    }

    static Stream<Arguments> poolingCases() {
        return withSeeds(PoolingCase.shapes());
    }

    static Stream<Arguments> batchNormalizationCases() {
        return withSeeds(BatchNormalizationCase.shapes());
    }

    static Stream<Arguments> dropoutCases() {
        return withSeeds(DropoutCase.shapes());
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("convolutionCases")
    void convolutionBackwardMatchesCentralDifference(ConvolutionCase c, long seed, TestReporter reporter) {
        assertChecks(c.checkId(seed), Checkable.of(c.layer(seed), c.input(seed), seed), reporter, "x", "W", "b");
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("poolingCases")
    void poolingBackwardMatchesCentralDifference(PoolingCase c, long seed, TestReporter reporter) {
        assertChecks(c.checkId(seed), Checkable.of(c.layer(), c.input(seed), seed), reporter, "x");
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("batchNormalizationCases")
    void batchNormalizationBackwardMatchesCentralDifference(BatchNormalizationCase c, long seed, TestReporter reporter) {
        assertChecks(c.checkId("train", seed), Checkable.of(c.layer(seed), c.input(seed), seed), reporter,
                "x", "gamma", "beta");
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("batchNormalizationCases")
    void batchNormalizationInTestModeBackwardMatchesCentralDifference(BatchNormalizationCase c, long seed,
                                                                      TestReporter reporter) {
        BatchNormalization layer = c.layer(seed);
        for (long batch = 100; batch < 103; batch++) {
            layer.forward(c.input(seed + batch));
        }
        assertChecks(c.checkId("test", seed), Checkable.of(layer.inTestMode(), c.input(seed), seed), reporter,
                "x", "gamma", "beta");
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("dropoutCases")
    void dropoutBackwardMatchesCentralDifference(DropoutCase c, long seed, TestReporter reporter) {
        assertChecks(c.checkId("train", seed), Checkable.of(c.layer(seed), c.input(seed), seed), reporter, "x");
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("dropoutCases")
    void dropoutInTestModeBackwardMatchesCentralDifference(DropoutCase c, long seed, TestReporter reporter) {
        Dropout layer = c.layer(seed);
        Tensor x = c.input(seed);
        assertChecks(c.checkId("test", seed), Checkable.of(layer.inTestMode(), x, seed), reporter, "x");
    }

    private static Stream<Arguments> withSeeds(List<?> cases) {
        return cases.stream().flatMap(c -> SEEDS.stream().map(seed -> Arguments.of(c, seed)));
    }

    /** The tolerance check, then the baseline gate (fixtures/baselines/<unit>.txt) for every tensor. */
    private static void assertChecks(CheckId id, Checkable unit, TestReporter reporter, String... names) {
        CheckReport report = assertGradientsMatch(unit);
        assertEquals(List.of(names), report.tensors().stream().map(TensorReport::name).toList(),
                "every input and parameter is checked");
        Baselines.assertNoRegression(id, report, reporter);
    }
}
