package dev.gradcheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The committed baselines catch errors in backward that the element-wise tolerance lets through:
 * Affine's db off by 1e-9 passes the default tolerance, dW scaled by 1 + 1e-6 passes PyTorch's
 * gradcheck tolerance (atol 1e-5, rtol 1e-3); both fail the gate against
 * {@code fixtures/baselines/Affine.txt}. (The default tolerance's rtol 1e-7 already catches the dW case.)
 */
class BaselineGateBitesTests {

    /** The parameterized check {@code LayerGradientCheckTests.affineBackwardMatchesCentralDifference} at x (2, 9), seed 42. */
    private static final CheckId AFFINE_2_9 = CheckId.of("Affine").shape("x", 2, 9).shape("W", 9, 5).seed(42);

    /** The committed baselines, compared only, whatever -Dgradcheck.baselines says. */
    private final BaselineGate committed = new BaselineGate(new BaselineStore(BaselineStore.DEFAULT_DIRECTORY),
            BaselineMode.COMPARE);

    @BeforeEach
    void notWhileRecording() {
        assumeFalse(BaselineMode.fromSystemProperty() == BaselineMode.RECORD,
                "compares with the committed baselines, which a recording run is rewriting");
    }

    /** Affine whose backward passes its gradients through {@code dW} and {@code db} maps. */
    static final class DegradedAffine implements Layer {
        private final Affine affine;
        private final Parameter W, b;
        private final UnaryOperator<Tensor> dW, db;

        DegradedAffine(Tensor W, Tensor b, UnaryOperator<Tensor> dW, UnaryOperator<Tensor> db) {
            this.affine = new Affine(W, b);
            this.W = affine.parameters().get(0);
            this.b = affine.parameters().get(1);
            this.dW = dW;
            this.db = db;
        }

        @Override public Tensor forward(Tensor x) {
            return affine.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            Tensor dx = affine.backward(dout);
            W.setGrad(dW.apply(W.grad()));
            b.setGrad(db.apply(b.grad()));
            return dx;
        }

        @Override public List<Parameter> parameters() {
            return affine.parameters();
        }
    }

    /** The inputs of the parameterized check at x (2, 9), seed 42, through {@code layer}. */
    private static Checkable affine2x9(UnaryOperator<Tensor> dW, UnaryOperator<Tensor> db) {
        long seed = 42;
        Tensor x = TestTensors.gaussian(seed, 1, 2, 9);
        Layer layer = new DegradedAffine(TestTensors.gaussian(seed + 1, 0.5, 9, 5), TestTensors.gaussian(seed + 2, 0.5, 5),
                dW, db);
        return Checkable.of(layer, x, seed);
    }

    @Test
    void correctAffineMatchesItsBaseline() {
        List<BaselineComparison> comparisons = committed.verify(AFFINE_2_9,
                GradientCheck.check(affine2x9(UnaryOperator.identity(), UnaryOperator.identity())));
        comparisons.forEach(c -> assertEquals(BaselineComparison.Verdict.SAME, c.verdict(), c.message()));
    }

    @Test
    void biasGradientOffByOneInABillionPassesTheToleranceButFailsTheBaseline() {
        CheckReport report = GradientCheck.check(affine2x9(UnaryOperator.identity(), db -> TensorOps.map(db, v -> v + 1e-9)));
        assertTrue(report.passed(), "the default tolerance lets db + 1e-9 through:\n" + report.describe());

        AssertionError e = assertThrows(AssertionError.class, () -> committed.verify(AFFINE_2_9, report));
        assertTrue(e.getMessage().startsWith("[baseline regression] Affine/x(2,9),W(9,5),seed=42/b: mean |A - N| grew"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "only b grew:\n" + e.getMessage());
    }

    @Test
    void weightGradientScaledByOnePlusOneInAMillionPassesPyTorchsToleranceButFailsTheBaseline() {
        CheckOptions pyTorch = CheckOptions.defaults().withTolerance(Tolerance.of(1e-5, 1e-3));
        CheckReport report = GradientCheck.check(affine2x9(dW -> TensorOps.scale(dW, 1 + 1e-6), UnaryOperator.identity()),
                pyTorch);
        assertTrue(report.passed(), "torch.autograd.gradcheck's atol 1e-5, rtol 1e-3 let dW·(1 + 1e-6) through:\n"
                + report.describe());

        AssertionError e = assertThrows(AssertionError.class, () -> committed.verify(AFFINE_2_9, report));
        assertTrue(e.getMessage().startsWith("[baseline regression] Affine/x(2,9),W(9,5),seed=42/W: mean |A - N| grew"),
                e.getMessage());
    }

    @Test
    void failureNamesTheIdTheRecordedAndCurrentValuesTheRatioAndHowToRecord() {
        CheckReport report = GradientCheck.check(affine2x9(UnaryOperator.identity(), db -> TensorOps.map(db, v -> v + 1e-9)));
        Baseline recorded = committed.store().find(AFFINE_2_9, "b").orElseThrow();
        double current = report.tensor("b").orElseThrow().meanAbsDiff();

        AssertionError e = assertThrows(AssertionError.class, () -> committed.verify(AFFINE_2_9, report));
        String expected = String.format(java.util.Locale.ROOT, "recorded %.6e, current %.6e, ratio %.4g,",
                recorded.meanAbsDiff(), current, current / recorded.meanAbsDiff());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in:\n" + e.getMessage());
        assertTrue(e.getMessage().contains("fixtures/baselines/Affine.txt; mvn -B verify -Dgradcheck.baselines=record"),
                e.getMessage());
    }
}
