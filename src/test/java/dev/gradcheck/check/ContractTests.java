package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Breaches of the layer protocol are failures of their own, with messages that say what happened. */
class ContractTests {

    private final Tensor x = Tensor.matrix(new double[] {0.5, -1, 2});

    @Test
    void backwardThatWritesIntoDoutIsABreach() {
        Layer writesDout = new Layer() {
            @Override public Tensor forward(Tensor x) {
                return x.copy();
            }
            @Override public Tensor backward(Tensor dout) {
                dout.set(0, 0);
                return dout;
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(writesDout, x, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.problems().get(0).message().contains("backward modified its argument dout at (0, 0)"),
                report.describe());
    }

    @Test
    void forwardThatWritesIntoXIsABreach() {
        Layer writesX = new Layer() {
            @Override public Tensor forward(Tensor x) {
                x.set(2, 0);
                return x.copy();
            }
            @Override public Tensor backward(Tensor dout) {
                return dout.copy();
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(writesX, x.copy(), 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("modified its argument x at (0, 2)"), report.describe());
    }

    @Test
    void nonDeterministicForwardIsABreach() {
        Layer drifting = new Layer() {
            private int calls;
            @Override public Tensor forward(Tensor x) {
                calls++;
                Tensor out = x.copy();
                out.set(0, out.get(0) + calls * 1e-3);
                return out;
            }
            @Override public Tensor backward(Tensor dout) {
                return dout.copy();
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(drifting, x, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("forward is not deterministic"), report.describe());
    }

    @Test
    void anExceptionInBackwardIsReportedWithTheStep() {
        Layer throwing = new Layer() {
            @Override public Tensor forward(Tensor x) {
                return x.copy();
            }
            @Override public Tensor backward(Tensor dout) {
                throw new UnsupportedOperationException("not written yet");
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(throwing, x, 1));
        assertEquals(FailureCategory.LAYER_ERROR, report.category());
        assertTrue(report.describe().contains("threw UnsupportedOperationException during forward and backward: not written yet"),
                report.describe());
    }

    @Test
    void aNaNGradientFailsAndNamesItsIndex() {
        Layer nanAtOne = new Layer() {
            private final Sigmoid sigmoid = new Sigmoid();
            @Override public Tensor forward(Tensor x) {
                return sigmoid.forward(x);
            }
            @Override public Tensor backward(Tensor dout) {
                Tensor dx = sigmoid.backward(dout);
                dx.set(1, Double.NaN);
                return dx;
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(nanAtOne, x, 1));
        assertFalse(report.passed());
        assertEquals(FailureCategory.NON_FINITE, report.category());
        assertTrue(report.describe().contains("non-finite at (0, 1): analytic NaN"), report.describe());
    }

    @Test
    void aWrongShapedGradientIsABreach() {
        Layer wrongShape = new Layer() {
            @Override public Tensor forward(Tensor x) {
                return x.copy();
            }
            @Override public Tensor backward(Tensor dout) {
                return Tensor.zeros(3, 1);
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(wrongShape, x, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("gradient for x has shape (3, 1) but x has shape (1, 3)"), report.describe());
    }
}
