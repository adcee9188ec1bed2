package dev.gradcheck.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.tensor.Tensor;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The adapters of layers on {@code double[][]} and {@link RealMatrix}: the checker's perturbations
 * reach the user's own storage, and every way a user's layer can break the protocol through them
 * fails the check with a message that names the method, the tensor and the element.
 */
class AdapterTests {

    private final Tensor x = RandomTensors.gaussian(Shape.of(2, 3), new Random(1));

    /** {@code out = x·w} with w (3, 1) kept in a double[][]; {@code grad} is what backward leaves as dw. */
    static class Scale {
        double[][] w = {{0.5}, {-1.0}, {2.0}};
        double[][] dw;
        double[][] x;

        double[][] forward(double[][] x) {
            this.x = x;
            double[][] out = new double[x.length][1];
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < 3; k++) {
                    out[i][0] += x[i][k] * w[k][0];
                }
            }
            return out;
        }

        double[][] backward(double[][] dout) {
            dw = new double[3][1];
            double[][] dx = new double[x.length][3];
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < 3; k++) {
                    dw[k][0] += x[i][k] * dout[i][0];
                    dx[i][k] = dout[i][0] * w[k][0];
                }
            }
            return dx;
        }

        Layer adapted() {
            return Layers.fromArrays("Scale", this::forward, this::backward).parameter("w", () -> w, () -> dw);
        }
    }

    @Test
    void perturbationsOfAParameterReachTheUsersOwnArray() {
        CheckReport report = GradCheckAssertions.assertGradientsMatch(new Scale().adapted(), x);
        assertEquals(3, report.tensor("w").orElseThrow().checked());
    }

    @Test
    void parameterIsRestoredInTheUsersArrayByTheNextForward() {
        Scale scale = new Scale();
        Layer layer = scale.adapted();
        layer.parameters().get(0).value().set(1, 7.0);
        layer.forward(x);
        assertEquals(7.0, scale.w[1][0]);
    }

    @Test
    void forwardModifyingItsParameterIsAContractBreachNamingTheElement() {
        Scale scale = new Scale() {
            @Override
            double[][] forward(double[][] x) {
                w[2][0] *= 0.999;
                return super.forward(x);
            }
        };
        assertBreach(scale.adapted(), "Scale.forward modified its parameter w at (2, 0): 2.0 became 1.998");
    }

    @Test
    void forwardModifyingItsInputIsAContractBreachNamingTheElement() {
        Layer layer = Layers.fromMatrices("Clip", m -> {
            m.setEntry(1, 2, 0.0);
            return m.copy();
        }, dout -> dout.copy());
        assertBreach(layer, "Clip.forward modified its argument x at (1, 2)");
    }

    @Test
    void raggedResultIsAContractBreachNamingTheRow() {
        Layer layer = Layers.fromArrays("Ragged", a -> new double[][] {{1, 2, 3}, {4, 5}}, d -> d);
        assertBreach(layer, "Ragged.forward's result is ragged: row 1 has 2 elements but row 0 has 3");
    }

    @Test
    void gradientNeverSetIsAContractBreachNamingTheParameter() {
        Scale scale = new Scale() {
            @Override
            double[][] backward(double[][] dout) {
                double[][] dx = super.backward(dout);
                dw = null;
                return dx;
            }
        };
        assertBreach(scale.adapted(), "Scale's gradient of w is null");
    }

    @Test
    void gradientOfAnotherShapeIsAContractBreachNamingBothShapes() {
        Scale scale = new Scale() {
            @Override
            double[][] backward(double[][] dout) {
                double[][] dx = super.backward(dout);
                dw = new double[][] {{dw[0][0], dw[1][0], dw[2][0]}};
                return dx;
            }
        };
        assertBreach(scale.adapted(), "gradient for w has shape (1, 3) but w has shape (3, 1)");
    }

    @Test
    void inputOfAnotherRankIsRefusedNamingTheShape() {
        Tensor images = RandomTensors.gaussian(Shape.of(2, 1, 3), new Random(1));
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheckAssertions.assertGradientsMatch(new Scale().adapted(), images));
        assertEquals("[contract breach] Scale.forward's argument x must have rank 2 but has shape (2, 1, 3)", e.getMessage());
    }

    @Test
    void lossModifyingItsTargetIsAContractBreach() {
        TargetLossLayer loss = Layers.adapt(new DoubleArrayLoss() {
            @Override
            public double forward(double[][] y, double[][] t) {
                t[0][0] = 0;
                return y[0][0];
            }

            @Override
            public double[][] backward(double dout) {
                return new double[][] {{dout, 0, 0}, {0, 0, 0}};
            }

            @Override
            public String name() {
                return "Careless";
            }
        });
        CheckReport report = GradientCheck.check(Checkable.of(loss, x, x.copy()));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category(), report::describe);
        assertTrue(report.describe().contains("Careless.forward modified its argument t at (0, 0)"), report::describe);
    }

    @Test
    void parameterNamesAreValidatedAndUnique() {
        Scale scale = new Scale();
        AdaptedLayer layer = Layers.fromArrays("Scale", scale::forward, scale::backward);
        assertThrows(IllegalArgumentException.class, () -> layer.parameter("w 1", () -> scale.w, () -> scale.dw));
        assertThrows(IllegalArgumentException.class, () -> layer.parameter("x", () -> scale.w, () -> scale.dw));
        AdaptedLayer once = layer.parameter("w", () -> scale.w, () -> scale.dw);
        assertThrows(IllegalArgumentException.class, () -> once.parameter("w", () -> scale.w, () -> scale.dw));
    }

    @Test
    void onlyRefusesATensorTheUnitDoesNotHave() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkable.of(new Scale().adapted(), x, 3).only("W"));
        assertEquals("Scale has no tensor 'W'; its tensors are x, w", e.getMessage());
    }

    @Test
    void realMatrixLayerIsCheckedLikeATensorLayer() {
        RealMatrix w = new Array2DRowRealMatrix(new double[][] {{0.5, 1}, {-1, 0}, {2, 0.25}});
        RealMatrix[] dw = new RealMatrix[1];
        RealMatrix[] input = new RealMatrix[1];
        Layer layer = Layers.fromMatrices("Product", m -> {
            input[0] = m.copy();
            return m.multiply(w);
        }, dout -> {
            dw[0] = input[0].transpose().multiply(dout);
            return dout.multiply(w.transpose());
        }).parameter("w", () -> w, () -> dw[0]);
        CheckReport report = GradientCheck.check(Checkable.of(layer, x, 3));
        assertTrue(report.passed(), report::describe);
        assertEquals(6, report.tensor("w").orElseThrow().checked());
    }

    /** The layer fails the one-line assertion as a contract breach whose message contains {@code expected}. */
    private void assertBreach(Layer layer, String expected) {
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheckAssertions.assertGradientsMatch(layer, x));
        assertTrue(e.getMessage().startsWith("[contract breach]"), e::getMessage);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in:\n" + e.getMessage());
    }

    @Test
    void forwardReturningItsArgumentIsAContractBreach() {
        Layer identity = Layers.fromArrays("Identity", in -> in, dout -> dout);
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheckAssertions.assertGradientsMatch(identity, x));
        assertTrue(e.getMessage().startsWith("[contract breach]"), e.getMessage());
        assertTrue(e.getMessage().contains("Identity.forward returned its argument x (or one of its rows) itself"),
                e.getMessage());
    }

    @Test
    void forwardReusingItsOutputBufferIsAContractBreach() {
        double[][] buffer = new double[2][3];
        Layer reusing = Layers.fromArrays("Reusing", in -> {
            for (int r = 0; r < in.length; r++) {
                System.arraycopy(in[r], 0, buffer[r], 0, in[r].length);
            }
            return buffer;
        }, dout -> {
            double[][] dx = new double[dout.length][];
            for (int r = 0; r < dout.length; r++) {
                dx[r] = dout[r].clone();
            }
            return dx;
        });
        CheckReport report = GradientCheck.check(Checkable.of(reusing, x, 1));
        assertEquals(FailureCategory.CONTRACT_BREACH, report.category(), report.describe());
        assertTrue(report.describe().contains("Reusing.forward returned the array it returned from its previous call"),
                report.describe());
    }
}
