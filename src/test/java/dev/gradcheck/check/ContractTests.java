package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.catalogue.BrokenActivations.ReluReturningReusedBuffer;
import dev.gradcheck.catalogue.BrokenActivations.ReluWithStaleMask;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidOverflowingForLargeInputs;
import dev.gradcheck.catalogue.BrokenAffines.AffineAccumulatingWeightGradient;
import dev.gradcheck.catalogue.BrokenAffines.AffineNeverSettingBiasGradient;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.InvertedDropoutReturningInputInTestMode;
import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithLossIgnoringDout;
import dev.gradcheck.catalogue.BrokenNodes.AddLayerReturningDoutTwice;
import dev.gradcheck.catalogue.BrokenNets.NetAccumulatingGradients;
import dev.gradcheck.layers.BinaryGradients;
import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import org.junit.jupiter.api.Test;

/**
 * Breaches of the layer protocol are failures of their own, with messages that say what happened.
 * The correct layers pass every one of these checks (every gradient-check test of the build runs them).
 */
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

    private final Tensor mixed = Tensor.matrix(new double[] {0.5, -1, 2}, new double[] {-0.25, 1.5, -3});

    @Test
    void backwardThatAccumulatesParameterGradientsIsABreach() {
        Layer affine = new AffineAccumulatingWeightGradient(TestTensors.gaussian(2, 1, 3, 2), TestTensors.gaussian(3, 1, 2));
        CheckReport report = GradientCheck.check(Checkable.of(affine, mixed, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("AffineAccumulatingWeightGradient: backward is not repeatable: a second forward "
                + "and backward at the same point gave W (0, 0) = "), report.describe());
        assertTrue(report.describe().contains("(gradients must be set, not accumulated)"), report.describe());
    }

    @Test
    void aNetThatAccumulatesGradientsIsABreach() {
        TwoLayerNet init = new TwoLayerNet(4, 3, 2, 1.0, 1);
        CheckReport report = GradientCheck.check(new NetAccumulatingGradients(init).checkable(TestTensors.gaussian(1, 1, 2, 4),
                Labels.indices(0, 1)));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("backward is not repeatable"), report.describe());
    }

    @Test
    void backwardReturningABufferItReusesIsABreach() {
        CheckReport report = GradientCheck.check(Checkable.of(new ReluReturningReusedBuffer(), mixed, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("ReluReturningReusedBuffer: the gradient backward returned for x changed at (0, 0) "
                + "from "), report.describe());
        assertTrue(report.describe().contains("when forward and backward ran at another point: backward returned a tensor the "
                + "layer keeps and reuses; return a new tensor"), report.describe());
    }

    @Test
    void aCacheThatAnEarlierForwardLeftBehindIsABreach() {
        CheckReport report = GradientCheck.check(Checkable.of(new ReluWithStaleMask(), mixed, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("ReluWithStaleMask: stale cache: after forward and backward at another point, "
                + "forward and backward at the checked point gave x (0, 0) = 0.0 after "), report.describe());
        assertTrue(report.describe().contains("(backward must use what the last forward saw)"), report.describe());
    }

    @Test
    void theStaleCacheLayerPassesWhenNothingElseIsEverSeen() {
        Tensor allPositive = Tensor.matrix(new double[] {0.5, 1, 2});
        assertTrue(GradientCheck.check(Checkable.of(new ReluWithStaleMask(), allPositive, 1)).passed(),
                "with one sign everywhere the shifted point marks nothing new: the check needs inputs that differ");
    }

    @Test
    void forwardReturningItsInputIsABreach() {
        CheckReport report = GradientCheck.check(Checkable.of(new InvertedDropoutReturningInputInTestMode(), mixed, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("InvertedDropoutReturningInputInTestMode.forward returned its argument x itself "
                + "(the same array, an alias)"), report.describe());
    }

    @Test
    void backwardReturningDoutIsABreach() {
        CheckReport report = GradientCheck.check(Checkable.of(new AddLayerReturningDoutTwice(), mixed, mixed.copy(), 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("AddLayerReturningDoutTwice.backward returned its argument dout itself as the "
                + "gradient for x"), report.describe());
    }

    @Test
    void twoGradientsSharingOneArrayAreABreach() {
        BinaryLayer sharing = new BinaryLayer() {
            @Override public Tensor forward(Tensor x, Tensor y) {
                return TensorOps.add(x, y);
            }
            @Override public BinaryGradients backward(Tensor dout) {
                Tensor d = dout.copy();
                return new BinaryGradients(d, d);
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(sharing, mixed, mixed.copy(), 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("backward returned the same array as the gradient for x and for y"),
                report.describe());
    }

    @Test
    void aGradientThatIsItsVariableIsABreach() {
        Layer returningX = new Layer() {
            private Tensor x;
            @Override public Tensor forward(Tensor x) {
                this.x = x;
                return TensorOps.map(x, v -> v * v / 2);
            }
            @Override public Tensor backward(Tensor dout) {
                return x;
            }
        };
        CheckReport report = GradientCheck.check(Checkable.of(returningX, mixed, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("the gradient for x is the array of x itself"), report.describe());
    }

    @Test
    void aParameterGradientNeverSetIsABreach() {
        Layer affine = new AffineNeverSettingBiasGradient(TestTensors.gaussian(2, 1, 3, 2), TestTensors.gaussian(3, 1, 2));
        CheckReport report = GradientCheck.check(Checkable.of(affine, mixed, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("AffineNeverSettingBiasGradient: backward gave no gradient for b"), report.describe());
    }

    @Test
    void aNonFiniteForwardOutputNamesTheElement() {
        Tensor x = Tensor.matrix(new double[] {1, -800, 750});
        CheckReport report = GradientCheck.check(Checkable.of(new SigmoidOverflowingForLargeInputs(), x, 1));
        assertEquals(FailureCategory.NON_FINITE, report.category());
        assertTrue(report.describe().contains("SigmoidOverflowingForLargeInputs.forward gave NaN at (0, 2) of its output (1, 3)"),
                report.describe());
    }

    @Test
    void aNonFiniteNumericalGradientNamesTheElement() {
        Layer logOfSquare = new Layer() {
            private Tensor x;
            @Override public Tensor forward(Tensor x) {
                this.x = x.copy();
                return TensorOps.map(x, v -> Math.log(v * v));
            }
            @Override public Tensor backward(Tensor dout) {
                return TensorOps.zip(dout, x, (d, v) -> v == 0 ? 0.0 : d * 2 / v);
            }
        };
        Tensor x = Tensor.matrix(new double[] {1, 1e-4, 2});
        CheckReport report = GradientCheck.check(Checkable.of(logOfSquare, x, 1));
        assertEquals(FailureCategory.NON_FINITE, report.category());
        assertTrue(report.describe().matches("(?s).*non-finite at \\(0, 1\\): analytic [0-9.]+, numerical Infinity.*"),
                report.describe());
    }

    @Test
    void aLossBackwardIgnoringDoutIsABreach() {
        CheckReport report = GradientCheck.check(Checkable.of(new SoftmaxWithLossIgnoringDout(), mixed, Labels.indices(0, 2)));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category());
        assertTrue(report.describe().contains("SoftmaxWithLossIgnoringDout.backward(dout) does not scale with dout: at (0, 0) "
                + "backward(1) gave "), report.describe());
    }

    @Test
    void anExceptionDuringTheNumericalGradientNamesTheVariableAndElement() {
        Layer failsAtLargeInput = new Layer() {
            private final Relu relu = new Relu();
            @Override public Tensor forward(Tensor x) {
                if (x.get(1) > 1) {
                    throw new IllegalArgumentException("input out of range: " + x.get(1));
                }
                return relu.forward(x);
            }
            @Override public Tensor backward(Tensor dout) {
                return relu.backward(dout);
            }
        };
        Tensor x = Tensor.matrix(new double[] {0.5, 1, -2});
        CheckReport report = GradientCheck.check(Checkable.of(failsAtLargeInput, x, 1));
        assertEquals(FailureCategory.LAYER_ERROR, report.category());
        assertTrue(report.describe().contains("threw IllegalArgumentException during forward during the numerical gradient of x "
                + "at (0, 1) = 1.0001 (originally 1.0): input out of range: 1.0001"), report.describe());
        assertTrue(report.problems().get(0).cause() instanceof IllegalArgumentException, "the layer's own exception is kept");
        assertEquals(1.0, x.get(1), "restored after the exception");
    }

    @Test
    void anExceptionAtTheShiftedPointIsReportedWithThatStep() {
        Layer failsOnNegativeFirst = new Layer() {
            private final Relu relu = new Relu();
            @Override public Tensor forward(Tensor x) {
                if (x.get(0) < 0) {
                    throw new IllegalStateException("first element negative");
                }
                return relu.forward(x);
            }
            @Override public Tensor backward(Tensor dout) {
                return relu.backward(dout);
            }
        };
        Tensor x = Tensor.matrix(new double[] {0.5, -1, 2});
        CheckReport report = GradientCheck.check(Checkable.of(failsOnNegativeFirst, x, 1));
        assertEquals(FailureCategory.LAYER_ERROR, report.category());
        assertTrue(report.describe().contains("during forward and backward at another point (each variable's elements shifted "
                + "by one place): first element negative"), report.describe());
        assertTrue(x.sameBits(Tensor.matrix(new double[] {0.5, -1, 2})), "restored after the shifted point");
    }
}
