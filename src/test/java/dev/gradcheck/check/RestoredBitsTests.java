package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker gives every element it perturbed its original bits back: after the central difference,
 * the second look at kinks, the contract checks' shifted point, and an exception half-way. Values
 * whose {@code (w + h) - h} is not w are included, so a restore by subtraction would show.
 */
class RestoredBitsTests {

    /** -0.0, a subnormal, 0.1 and 1/3 and 1e10 + 0.3 (not exact after ± h), values on and near Relu's kink. */
    private static Tensor awkwardValues() {
        return Tensor.matrix(new double[] {-0.0, Double.MIN_VALUE, 0.1, 1.0 / 3},
                new double[] {1e10 + 0.3, -1e-20, 0.0, -0.7}, new double[] {3e-5, -2e-5, 2.5, -1.0 / 3});
    }

    @Test
    void everyElementGetsItsBitsBackAfterACheckWithKinks() {
        Tensor x = awkwardValues();
        Tensor before = x.copy();
        CheckReport report = GradientCheck.check(Checkable.of(new Relu(), x, 1));
        assertTrue(report.tensor("x").orElseThrow().skipped() + report.tensor("x").orElseThrow().rechecked() > 0,
                "the second look ran: " + report.describe());
        assertBits(before, x);
    }

    @Test
    void everyInputAndParameterGetsItsBitsBack() {
        Tensor x = TestTensors.gaussian(1, 1, 3, 4);
        Affine affine = new Affine(TestTensors.gaussian(2, 1, 4, 2), Tensor.vector(0.1, -0.0));
        List<Tensor> before = List.of(x.copy(), affine.parameters().get(0).value().copy(), affine.parameters().get(1).value().copy());
        assertTrue(GradientCheck.check(Checkable.of(affine, x, 1)).passed());
        assertBits(before.get(0), x);
        assertBits(before.get(1), affine.parameters().get(0).value());
        assertBits(before.get(2), affine.parameters().get(1).value());
    }

    @Test
    void everyParameterOfTheNetGetsItsBitsBack() {
        TwoLayerNet net = new TwoLayerNet(5, 3, 2, 0.5, 7);
        List<Tensor> before = net.params().values().stream().map(p -> p.value().copy()).toList();
        assertTrue(GradientCheck.check(net.checkable(TestTensors.gaussian(7, 1, 2, 5), Labels.indices(0, 1))).passed());
        List<Tensor> after = net.params().values().stream().map(p -> p.value()).toList();
        for (int i = 0; i < before.size(); i++) {
            assertBits(before.get(i), after.get(i));
        }
    }

    @Test
    void everyElementGetsItsBitsBackWhenTheLayerThrowsHalfWay() {
        Layer throwsOnTheTwentiethForward = new Layer() {
            private final Relu relu = new Relu();
            private int calls;
            @Override public Tensor forward(Tensor x) {
                if (++calls == 20) {
                    throw new IllegalStateException("twentieth forward");
                }
                return relu.forward(x);
            }
            @Override public Tensor backward(Tensor dout) {
                return relu.backward(dout);
            }
        };
        Tensor x = awkwardValues();
        Tensor before = x.copy();
        CheckReport report = GradientCheck.check(Checkable.of(throwsOnTheTwentiethForward, x, 1));
        assertEquals(FailureCategory.LAYER_ERROR, report.category(), report.describe());
        assertTrue(report.describe().contains("during forward during the numerical gradient of x at "), report.describe());
        assertBits(before, x);
    }

    @Test
    void aLayerThatModifiesItsInputHasItRestoredAfterTheBreachIsReported() {
        Layer zeroesItsInput = new Layer() {
            @Override public Tensor forward(Tensor x) {
                Tensor out = x.copy();
                x.set(0, 0.0);
                return out;
            }
            @Override public Tensor backward(Tensor dout) {
                return dout.copy();
            }
        };
        Tensor x = awkwardValues();
        Tensor before = x.copy();
        CheckReport report = GradientCheck.check(Checkable.of(zeroesItsInput, x, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertBits(before, x);
    }

    private static void assertBits(Tensor expected, Tensor actual) {
        for (int i = 0; i < expected.size(); i++) {
            long e = Double.doubleToRawLongBits(expected.get(i));
            long a = Double.doubleToRawLongBits(actual.get(i));
            assertEquals(e, a, "element " + expected.indexString(i) + ": " + expected.get(i) + " came back as " + actual.get(i));
        }
    }
}
