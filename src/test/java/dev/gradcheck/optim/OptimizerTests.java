package dev.gradcheck.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The book's update rules, worked by hand on one weight w = 1 with gradient 0.5 at every step. */
class OptimizerTests {

    private static Map<String, Parameter> params(double... w) {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("W", new Parameter("W", Tensor.vector(w)));
        return p;
    }

    private static Map<String, Tensor> grads(double... g) {
        return Map.of("W", Tensor.vector(g));
    }

    /** w after each of {@code steps} updates with gradient 0.5. */
    private static double[] trajectory(Optimizer optimizer, int steps) {
        Map<String, Parameter> p = params(1.0);
        double[] w = new double[steps];
        for (int i = 0; i < steps; i++) {
            optimizer.update(p, grads(0.5));
            w[i] = p.get("W").value().get(0);
        }
        return w;
    }

    @Test
    void sgdSubtractsTheLearningRateTimesTheGradient() {
        double[] w = trajectory(new SGD(0.1), 2);
        assertEquals(1 - 0.05, w[0], 1e-15);
        assertEquals(1 - 0.05 - 0.05, w[1], 1e-15);
    }

    @Test
    void momentumAccumulatesVelocity() {
        double[] w = trajectory(new Momentum(0.1), 2);
        assertEquals(0.95, w[0], 1e-15, "v = -0.05");
        assertEquals(0.855, w[1], 1e-15, "v = 0.9·(-0.05) - 0.05 = -0.095");
    }

    @Test
    void adaGradDividesBySquareRootOfSummedSquares() {
        double[] w = trajectory(new AdaGrad(0.1), 2);
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-7), w[0], 1e-15, "h = 0.25");
        assertEquals(w[0] - 0.1 * 0.5 / (Math.sqrt(0.5) + 1e-7), w[1], 1e-15, "h = 0.5");
    }

    @Test
    void adamCorrectsTheBiasOfItsMoments() {
        double[] w = trajectory(new Adam(0.1), 2);
        double lr1 = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        assertEquals(1 - lr1 * 0.05 / (Math.sqrt(0.00025) + 1e-7), w[0], 1e-15, "m = 0.05, v = 0.00025");
        assertEquals(1 - 0.1, w[0], 1e-6, "the first Adam step is about lr·sign(g)");
        double lr2 = 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
        double m2 = 0.05 + 0.1 * (0.5 - 0.05);
        double v2 = 0.00025 + 0.001 * (0.25 - 0.00025);
        assertEquals(w[0] - lr2 * m2 / (Math.sqrt(v2) + 1e-7), w[1], 1e-15);
    }

    @Test
    void stateIsKeptPerParameter() {
        Map<String, Parameter> p = new LinkedHashMap<>(params(1.0));
        p.put("b", new Parameter("b", Tensor.vector(1.0)));
        Momentum momentum = new Momentum(0.1);
        momentum.update(p, Map.of("W", Tensor.vector(0.5), "b", Tensor.vector(0.0)));
        momentum.update(p, Map.of("W", Tensor.vector(0.5), "b", Tensor.vector(0.0)));
        assertEquals(0.855, p.get("W").value().get(0), 1e-15);
        assertEquals(1.0, p.get("b").value().get(0), "b's velocity never saw W's gradient");
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyOptimiserDescendsAQuadratic(OptimizerKind kind) {
        Map<String, Parameter> p = params(1.0, -2.0, 0.5);
        Optimizer optimizer = kind.create(0.1);
        for (int i = 0; i < 200; i++) {
            double[] w = p.get("W").value().data();
            optimizer.update(p, grads(2 * w[0], 2 * w[1], 2 * w[2]));
        }
        double norm = 0;
        for (double v : p.get("W").value().data()) {
            norm += v * v;
        }
        assertTrue(norm < 0.5 * (1 + 4 + 0.25), kind + ": |w|² = " + norm);
    }

    @Test
    void aGradientOfAnotherShapeIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SGD(0.1).update(params(1.0, 2.0), grads(1.0)));
        assertEquals("gradient for W has shape (1) but W has shape (2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.1).update(params(1.0), Map.of()));
        assertEquals("no gradient for parameter W", e.getMessage());
    }

    @Test
    void aNonPositiveLearningRateIsRefused() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.create(0));
            assertEquals("learning rate must be positive and finite, got 0.0", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new SGD(Double.NaN));
    }

    @Test
    void kindsParseByNameAndListThemOtherwise() {
        assertEquals(OptimizerKind.ADAM, OptimizerKind.parse("Adam"));
        assertEquals(0.1, OptimizerKind.SGD.defaultLr(), "chapter 5's learning rate");
        assertEquals(0.001, OptimizerKind.ADAM.defaultLr());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("rmsprop"));
        assertEquals("unknown optimiser 'rmsprop'; choose one of sgd, momentum, adagrad, adam", e.getMessage());
    }
}
