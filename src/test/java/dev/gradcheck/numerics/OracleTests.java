package dev.gradcheck.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.layers.Tanh;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The forward-mode oracle is exact, and it tells a wrong backward from a finite difference that is off. */
class OracleTests {

    /** A step so small that rounding dominates, judged without the rounding allowance: the difference is off. */
    private static final CheckOptions ROUNDING_BOUND = CheckOptions.defaults().withH(1e-9).withTolerance(Tolerance.of(1e-12, 1e-7));

    static Stream<Arguments> elementwiseLayers() {
        return Stream.of(Arguments.of(new Sigmoid(), 3.0), Arguments.of(new Tanh(), 2.0), Arguments.of(new Relu(), 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseLayers")
    void exactGradientOfAnElementwiseLayerMatchesBackwardToRounding(Layer layer, double std) {
        Tensor x = TestTensors.gaussian(11, std, 6, 7);
        Checkable unit = Checkable.of(layer, x, 5);
        assertMatchesToRounding(unit.exactGradient().orElseThrow().get("x"), unit.analyticGradient().get("x"));
    }

    @Test
    void exactGradientOfTheLossMatchesBackwardToRounding() {
        Tensor x = TestTensors.gaussian(12, 3, 5, 10);
        Checkable unit = Checkable.of(new SoftmaxWithLoss(), x, Labels.indices(TestTensors.labels(12, 5, 10)));
        assertMatchesToRounding(unit.exactGradient().orElseThrow().get("x"), unit.analyticGradient().get("x"));
    }

    @Test
    void reluHasNoExactDerivativeAtItsKink() {
        Tensor x = Tensor.matrix(new double[] {-1, 0, 2});
        Tensor exact = Checkable.of(new Relu(), x, 3).exactGradient().orElseThrow().get("x");
        assertTrue(Double.isNaN(exact.get(1)));
        assertEquals(0.0, exact.get(0));
    }

    @Test
    void oracleBlamesBackwardForASigmoidWithTheWrongSign() {
        Checkable unit = Checkable.of(new BrokenLayers.SigmoidWithWrongSign(), TestTensors.gaussian(3, 2, 3, 4), 7);
        CheckReport report = GradientCheck.check(unit);
        assertFalse(report.passed());
        OracleVerdict verdict = single(Oracle.attribute(unit, report));
        assertEquals(OracleVerdict.Blame.BACKWARD, verdict.blame());
        assertEquals(verdict.disagreeing(), verdict.backwardWrong(), verdict.describe());
        assertTrue(verdict.describe().startsWith("[oracle] x: backward is wrong: of 12 disagreeing elements"), verdict.describe());
    }

    @Test
    void oracleBlamesBackwardForAReluWithItsMaskInverted() {
        Checkable unit = Checkable.of(new BrokenLayers.ReluWithInvertedMask(), TestTensors.gaussian(4, 1, 4, 4), 7);
        CheckReport report = GradientCheck.check(unit);
        assertFalse(report.passed());
        assertEquals(OracleVerdict.Blame.BACKWARD, single(Oracle.attribute(unit, report)).blame());
    }

    @Test
    void oracleBlamesTheFiniteDifferenceWhenRoundingSwampsIt() {
        Checkable unit = Checkable.of(new Tanh(), TestTensors.gaussian(5, 1, 3, 4), 7);
        CheckReport report = GradientCheck.check(unit, ROUNDING_BOUND);
        assertFalse(report.passed(), "at h = 1e-9 without a rounding allowance, rounding (about 1e-16/h) exceeds rtol 1e-7");
        OracleVerdict verdict = single(Oracle.attribute(unit, report));
        assertEquals(OracleVerdict.Blame.FINITE_DIFFERENCE, verdict.blame(), verdict.describe());
        assertEquals(verdict.disagreeing(), verdict.differenceWrong());
    }

    @Test
    void oracleBlamesTheFiniteDifferenceOfTheLossWhenRoundingSwampsIt() {
        Tensor x = TestTensors.gaussian(6, 2, 3, 5);
        Checkable unit = Checkable.of(new SoftmaxWithLoss(), x, Labels.indices(0, 4, 2));
        CheckReport report = GradientCheck.check(unit, ROUNDING_BOUND);
        assertFalse(report.passed());
        assertEquals(OracleVerdict.Blame.FINITE_DIFFERENCE, single(Oracle.attribute(unit, report)).blame());
    }

    @Test
    void aPassingCheckNeedsNoVerdict() {
        Checkable unit = Checkable.of(new Sigmoid(), TestTensors.gaussian(3, 2, 3, 4), 7);
        assertTrue(Oracle.attribute(unit, GradientCheck.check(unit)).isEmpty());
    }

    @Test
    void unitsWithoutATwinHaveNoOracle() {
        Affine affine = new Affine(TestTensors.gaussian(1, 1, 3, 2), TestTensors.gaussian(2, 1, 2));
        assertTrue(Checkable.of(affine, TestTensors.gaussian(3, 1, 2, 3), 1).exactGradient().isEmpty());
    }

    @Test
    void aTwinOfAnotherFunctionIsRefusedNamingTheElement() {
        Checkable unit = Checkable.of(new BrokenLayers.SigmoidWithTanhTwin(), Tensor.matrix(new double[] {0.5, -1}), 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, unit::exactGradient);
        assertTrue(e.getMessage().startsWith("SigmoidWithTanhTwin: its forward-mode twin gives 0.46211715726000974 at (0, 0)"),
                e.getMessage());
    }

    private static OracleVerdict single(List<OracleVerdict> verdicts) {
        assertEquals(1, verdicts.size(), verdicts.toString());
        return verdicts.get(0);
    }

    private static void assertMatchesToRounding(Tensor exact, Tensor analytic) {
        double scale = 0;
        for (double v : exact.data()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < exact.size(); i++) {
            assertEquals(exact.get(i), analytic.get(i), 8 * Math.ulp(scale), "element " + i);
        }
    }
}
