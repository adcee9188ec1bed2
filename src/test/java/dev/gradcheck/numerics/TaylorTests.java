package dev.gradcheck.numerics;

import static dev.gradcheck.testkit.TaylorAssertions.assertRemainderShrinksQuadratically;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.catalogue.BrokenAffines;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Variable;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.support.InjectedError;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Taylor remainder test passes every correct unit and fails units whose backward is wrong. */
class TaylorTests {

    static Stream<UnitCase> correctUnits() {
        return Stream.of(1L, 42L).flatMap(seed -> UnitCase.everyShape(seed).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctUnits")
    void remainderOfACorrectUnitShrinksQuadratically(UnitCase c) {
        assertRemainderShrinksQuadratically(c.unit().get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctUnits")
    void everyVariableIsRestoredToItsOriginalBits(UnitCase c) {
        Checkable unit = c.unit().get();
        List<Tensor> before = unit.variables().stream().map(v -> v.value().copy()).toList();
        TaylorTest.run(unit, 7);
        List<Variable> after = unit.variables();
        for (int v = 0; v < after.size(); v++) {
            assertTrue(after.get(v).value().sameBits(before.get(v)), after.get(v).name());
        }
    }

    @Test
    void affineWithDwOffByOnePartInAThousandFails() {
        assertFirstOrderError(new InjectedError(affine(), "W", InjectedError.Kind.WHOLE_TENSOR, 1e-3));
    }

    @Test
    void affineWithOneElementsSignFlippedFails() {
        assertFirstOrderError(new InjectedError(affine(), "W", InjectedError.Kind.SIGN_FLIP, 0));
    }

    @Test
    void affineWithoutTransposeFails() {
        Tensor x = TestTensors.gaussian(1, 1, 3, 3);
        assertFirstOrderError(Checkable.of(new BrokenAffines.AffineWithoutTranspose(TestTensors.gaussian(2, 1, 3, 3),
                TestTensors.gaussian(3, 1, 3)), x, 42));
    }

    @Test
    void reluWithItsMaskInvertedFails() {
        assertFirstOrderError(Checkable.of(new BrokenLayers.ReluWithInvertedMask(), TestTensors.gaussian(4, 1, 4, 4), 7));
    }

    @Test
    void sigmoidWithTheWrongSignFails() {
        assertFirstOrderError(Checkable.of(new BrokenLayers.SigmoidWithWrongSign(), TestTensors.gaussian(3, 2, 3, 4), 7));
    }

    @Test
    void netWithDw1OffByOnePartInAThousandFails() {
        assertFirstOrderError(new InjectedError(UnitCase.net(42).unit().get(), "W1", InjectedError.Kind.WHOLE_TENSOR, 1e-3));
    }

    @Test
    void assertionMessageCarriesTheLadder() {
        AssertionError e = assertThrows(AssertionError.class, () -> assertRemainderShrinksQuadratically(
                new InjectedError(affine(), "b", InjectedError.Kind.WHOLE_TENSOR, 1e-2)));
        assertTrue(e.getMessage().startsWith("[taylor] Affine: Taylor remainder test FAILED (direction seed 42): R(t) shrinks like t^1.0"),
                e.getMessage());
        assertTrue(e.getMessage().contains("<- fitted"), e.getMessage());
    }

    @Test
    void reluThatCrossesAKinkPassesOnTheStepsBelowIt() {
        Tensor x = Tensor.matrix(new double[] {1e-4, -1e-4, 3});
        TaylorResult result = TaylorTest.run(Checkable.of(new Relu(), x, 3), 1);
        assertEquals(TaylorResult.Outcome.KINK_THEN_LINEAR, result.outcome(), result.describe());
    }

    @Test
    void aNonDeterministicForwardIsBroken() {
        Checkable unit = affine();
        double[] drift = {0};
        Checkable flaky = new Checkable() {
            @Override public String name() {
                return "Flaky";
            }

            @Override public List<Variable> variables() {
                return unit.variables();
            }

            @Override public double loss() {
                drift[0] += 1e-9;
                return unit.loss() + drift[0];
            }

            @Override public Map<String, Tensor> analyticGradient() {
                return unit.analyticGradient();
            }
        };
        TaylorResult result = TaylorTest.run(flaky);
        assertEquals(TaylorResult.Outcome.BROKEN, result.outcome());
        assertTrue(result.describe().contains("Flaky forward is not deterministic"), result.describe());
    }

    @Test
    void verdictReadsASyntheticLadder() {
        double[] t = new double[12];
        double[] quadratic = new double[12], linear = new double[12], kink = new double[12];
        for (int k = 0; k < t.length; k++) {
            t[k] = Math.pow(2, -k);
            quadratic[k] = t[k] * t[k];
            linear[k] = 1e-3 * t[k] + t[k] * t[k];
            kink[k] = t[k] > 0.01 ? t[k] - 0.01 : 1e-17;
        }
        assertEquals(TaylorResult.Outcome.QUADRATIC, TaylorTest.verdict("q", 1, t, quadratic, 1e-6).outcome());
        assertEquals(TaylorResult.Outcome.FIRST_ORDER_ERROR, TaylorTest.verdict("l", 1, t, linear, 1e-6).outcome());
        assertEquals(TaylorResult.Outcome.KINK_THEN_LINEAR, TaylorTest.verdict("k", 1, t, kink, 1e-6).outcome());
        assertEquals(2.0, TaylorTest.verdict("q", 1, t, quadratic, 1e-6).slope(), 1e-12);
    }

    private static Checkable affine() {
        Affine affine = new Affine(TestTensors.gaussian(2, 1, 3, 3), TestTensors.gaussian(3, 1, 3));
        return Checkable.of(affine, TestTensors.gaussian(1, 1, 3, 3), 42);
    }

    private static void assertFirstOrderError(Checkable unit) {
        TaylorResult result = TaylorTest.run(unit);
        assertFalse(result.passed(), result.describe());
        assertEquals(TaylorResult.Outcome.FIRST_ORDER_ERROR, result.outcome(), result.describe());
        assertTrue(result.slope() < 1.5, result.describe());
    }
}
