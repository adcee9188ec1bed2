package dev.gradcheck.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.Stencil;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Tanh;
import dev.gradcheck.support.InjectedError;
import dev.gradcheck.support.TestTensors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The predicted-bound tolerance adapts to each element's own truncation error: no false alarm, and sharper where the function allows. */
class PredictedBoundTests {

    private static final CheckOptions PREDICTED = CheckOptions.defaults().withTolerance(Tolerance.PREDICTED);

    /** Every layer shape of the gradient-check tests (the net is left to the benchmark: it costs 4 losses per element). */
    static Stream<UnitCase> correctLayers() {
        return Stream.of(1L, 42L).flatMap(seed -> UnitCase.everyShape(seed).stream()).filter(c -> !c.layer().equals("TwoLayerNet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctLayers")
    void correctLayerPassesThePredictedBound(UnitCase c) {
        CheckReport report = GradientCheck.check(c.unit().get(), PREDICTED);
        assertTrue(report.passed(), report.describe());
    }

    @Test
    void atALargeStepCatchesAnErrorTheDefaultCheckMissesWhereTheFunctionIsLinear() {
        Affine affine = new Affine(TestTensors.gaussian(2, 1, 4, 3), TestTensors.gaussian(3, 1, 3));
        Checkable wrong = new InjectedError(Checkable.of(affine, TestTensors.gaussian(1, 1, 5, 4), 42), "W",
                InjectedError.Kind.WHOLE_TENSOR, 1e-9);
        assertTrue(GradientCheck.check(wrong).passed(), "rtol 1e-7 lets a relative error of 1e-9 through");
        CheckReport report = GradientCheck.check(wrong, PREDICTED.withH(1e-2));
        assertFalse(report.passed());
        assertEquals(12, report.tensor("W").orElseThrow().failures(), report.describe());
    }

    @Test
    void allowsTheTruncationOfACurvedFunctionAtALargeStep() {
        Checkable unit = Checkable.of(new Tanh(), TestTensors.gaussian(5, 1, 4, 5), 7);
        CheckReport fixed = GradientCheck.check(unit, CheckOptions.defaults().withH(1e-2));
        CheckReport predicted = GradientCheck.check(unit, PREDICTED.withH(1e-2));
        assertTrue(fixed.tensor("x").orElseThrow().rechecked() > 0, "the fixed verdict needs a second look at h/16");
        assertTrue(predicted.passed(), predicted.describe());
        assertEquals(0, predicted.tensor("x").orElseThrow().rechecked(), "the predicted bound expects the truncation");
    }

    @Test
    void worksWithEveryStencil() {
        for (Stencil stencil : Stencil.values()) {
            Checkable unit = Checkable.of(new Tanh(), TestTensors.gaussian(5, 1, 4, 5), 7);
            CheckReport report = GradientCheck.check(unit, PREDICTED.withStencil(stencil).withH(1e-3));
            assertTrue(report.passed(), report.describe());
        }
    }

    @Test
    void theReportStatesTheBound() {
        assertEquals("|A - N| <= 0e+00 + 0e+00·|N| + 256·ulp(S)/h + 4·|T| (T the predicted truncation error)",
                Tolerance.PREDICTED.toString());
        assertEquals("|A - N| <= 1e-12 + 1e-07·|N| + 256·ulp(S)/h", Tolerance.DEFAULT.toString());
    }
}
