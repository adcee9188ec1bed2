package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The stencils have the order, the bits and the restoring behaviour they claim. */
class StencilTests {

    /** f(w) = exp(sin w), with f' = cos w · exp(sin w); smooth, with no vanishing derivative near w = 0.7. */
    private static double f(double w) {
        return StrictMath.exp(StrictMath.sin(w));
    }

    private static double exactDerivative(double w) {
        return StrictMath.cos(w) * StrictMath.exp(StrictMath.sin(w));
    }

    @Test
    void centralTwoHasTheBitsOfTheBooksCentralDifference() {
        Tensor x = TestTensors.gaussian(3, 2, 4, 5);
        Checkable unit = Checkable.of(new Sigmoid(), x, 42);
        Tensor book = NumericalGradient.centralDifference(unit::loss, x, 1e-4);
        Tensor stencil = Stencil.CENTRAL_2.gradient(unit::loss, x, 1e-4);
        assertTrue(book.sameBits(stencil));
    }

    @Test
    void theDefaultCheckUsesTheBooksCentralDifference() {
        assertEquals(Stencil.CENTRAL_2, CheckOptions.defaults().stencil());
        assertEquals(Stencil.CENTRAL_2, new CheckOptions(1e-4, Tolerance.DEFAULT, 0.5).stencil());
    }

    @ParameterizedTest
    @EnumSource(Stencil.class)
    void errorFallsWithTheStencilsOrder(Stencil stencil) {
        double h = stencil == Stencil.CENTRAL_2 ? 1e-2 : stencil == Stencil.CENTRAL_6 ? 5e-2 : 1e-1;
        double coarse = error(stencil, h);
        double fine = error(stencil, h / 2);
        double measuredOrder = Math.log(coarse / fine) / Math.log(2);
        assertEquals(stencil.order(), measuredOrder, 0.25, stencil + ": errors " + coarse + " at h, " + fine + " at h/2");
    }

    @ParameterizedTest
    @EnumSource(value = Stencil.class, names = {"CENTRAL_2", "CENTRAL_4", "CENTRAL_6"})
    void agreesWithCommonsMathFiniteDifferencesOnTheSameGrid(Stencil stencil) {
        double h = 1.0 / 64;
        double w = 0.7;
        DerivativeStructure t = new DerivativeStructure(1, 1, 0, w);
        double commons = new FiniteDifferencesDifferentiator(stencil.order() + 1, h)
                .differentiate(StencilTests::f).value(t).getPartialDerivative(1);
        assertEquals(commons, estimate(stencil, w, h), 1e-13);
    }

    @ParameterizedTest
    @EnumSource(Stencil.class)
    void everyElementIsRestoredToItsOriginalBits(Stencil stencil) {
        Tensor w = TestTensors.gaussian(5, 1e3, 20);
        Tensor before = w.copy();
        stencil.gradient(() -> w.get(3) * w.get(3) * w.get(7), w, 0.1);
        assertTrue(w.sameBits(before));
    }

    @ParameterizedTest
    @EnumSource(Stencil.class)
    void anElementIsRestoredEvenWhenTheFunctionThrows(Stencil stencil) {
        Tensor w = Tensor.vector(1, 2);
        DoubleSupplier boom = () -> {
            if (w.get(1) > 2.05) {
                throw new IllegalStateException("boom");
            }
            return w.get(1);
        };
        assertThrows(IllegalStateException.class, () -> stencil.gradient(boom, w, 0.1));
        assertEquals(2.0, w.get(1));
    }

    @Test
    void theReportNamesTheStencil() {
        Tensor x = TestTensors.gaussian(3, 2, 2, 3);
        CheckReport report = GradientCheck.check(Checkable.of(new Sigmoid(), x, 42),
                CheckOptions.defaults().withStencil(Stencil.CENTRAL_4).withH(1e-3));
        assertTrue(report.passed(), report.describe());
        assertTrue(report.describe().contains("(4-point central difference, h = 0.001, "), report.describe());
    }

    private static double error(Stencil stencil, double h) {
        return Math.abs(estimate(stencil, 0.7, h) - exactDerivative(0.7));
    }

    private static double estimate(Stencil stencil, double at, double h) {
        Tensor w = Tensor.vector(at);
        return stencil.derivative(() -> f(w.get(0)), w, 0, h);
    }
}
