package com.example.userlayers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.example.userlayers.BrokenUserLayers.DenseAccumulatingWeightGradient;
import com.example.userlayers.BrokenUserLayers.DenseWithAveragedBias;
import com.example.userlayers.BrokenUserLayers.DenseWithBiasOffset;
import com.example.userlayers.BrokenUserLayers.LeakyReluWritingIntoDout;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.testkit.GradCheckArbitraries;
import dev.gradcheck.testkit.LayerCase;
import dev.gradcheck.testkit.LayerProperties;
import dev.gradcheck.testkit.Layers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contracts gate: each user layer with one realistic bug, run through the contract exactly as
 * {@code mvn verify} runs a contract class (JUnit Platform {@code EngineTestKit}), fails the tests
 * that see the bug, with the right category, and passes the rest. The specimens are nested, so the
 * build never runs them by itself.
 */
class BrokenUserLayerTests {

    static class DenseWithAveragedBiasSpecimen extends DenseTests {
        @Override
        public Layer createLayer(Random random) {
            return adapt(new DenseWithAveragedBias(gaussian(IN, OUT, random), new ArrayRealVector(gaussian(1, OUT, random).getRow(0))));
        }
    }

    static class DenseWithBiasOffsetSpecimen extends DenseTests {
        @Override
        public Layer createLayer(Random random) {
            return adapt(new DenseWithBiasOffset(gaussian(IN, OUT, random), new ArrayRealVector(gaussian(1, OUT, random).getRow(0))));
        }
    }

    static class DenseAccumulatingWeightGradientSpecimen extends DenseTests {
        @Override
        public Layer createLayer(Random random) {
            return adapt(new DenseAccumulatingWeightGradient(gaussian(IN, OUT, random),
                    new ArrayRealVector(gaussian(1, OUT, random).getRow(0))));
        }
    }

    static class LeakyReluWritingIntoDoutSpecimen extends LeakyReluTests {
        @Override
        public Layer createLayer(Random random) {
            LeakyRelu relu = new LeakyReluWritingIntoDout(0.01);
            return Layers.fromArrays("LeakyRelu", relu::forward, relu::backward);
        }
    }

    static class DenseWithAveragedBiasPropertiesSpecimen implements LayerProperties {
        @Override
        @Provide
        public Arbitrary<LayerCase> cases() {
            return GradCheckArbitraries.affineCases(
                    (W, b) -> DenseTests.adapt(new DenseWithAveragedBias(DenseTests.matrix(W), new ArrayRealVector(b.data()))),
                    4, 4, 4, GradCheckArbitraries.values().between(-2, 2));
        }
    }

    /** A recording run would write the broken variants' baselines over the user layers' (db + 1e-9 passes the tolerance). */
    @BeforeEach
    void notWhileRecording() {
        assumeFalse("record".equals(System.getProperty("gradcheck.baselines", "").trim()),
                "the broken variants share the baselines of the user layers, which a recording run is rewriting");
    }

    /** The factories of the contract; each runs once per input shape. */
    static final List<String> CONTRACT = List.of("backwardMatchesCentralDifference", "meanAbsDiffDoesNotExceedBaseline",
            "forwardIsDeterministic", "forwardAndBackwardModifyNoArgument", "forwardAndBackwardReturnNewTensors",
            "backwardSetsAGradientOfItsShapeForEveryTensor", "backwardTwiceGivesIdenticalGradients",
            "backwardFollowsTheLastForward", "backwardIsLinearInDout");

    @Test
    void biasAveragedOverTheBatchFailsTheGradientCheckWhereTheBatchIsLargerThanOne() {
        ContractRun run = ContractRun.of(DenseWithAveragedBiasSpecimen.class);
        assertEquals(CONTRACT.size() * 3, run.size(), run::toString);
        for (String batch : List.of("x (2, 3)", "x (5, 3)")) {
            run.assertFailed("backwardMatchesCentralDifference " + batch, "[gradient mismatch] Dense: gradient check FAILED for b",
                    "[sweep] b:", "a real bug in backward");
            run.assertAborted("meanAbsDiffDoesNotExceedBaseline " + batch);
        }
        run.assertAllOthersSucceeded();
    }

    @Test
    void biasOffByOneBillionthPassesTheToleranceButNotTheBaselineGateNorLinearity() {
        ContractRun run = ContractRun.of(DenseWithBiasOffsetSpecimen.class);
        assertEquals(CONTRACT.size() * 3, run.size(), run::toString);
        for (String batch : List.of("2", "1", "5")) {
            run.assertFailed("meanAbsDiffDoesNotExceedBaseline x (" + batch + ", 3)",
                    "[baseline regression] Dense/x(" + batch + ",3),W(3,4),b(4),seed=42/b: mean |A - N| grew beyond its baseline",
                    "fixtures/user-baselines/Dense.txt");
            run.assertFailed("backwardIsLinearInDout x (" + batch + ", 3)",
                    "[contract breach] Dense.backward is not linear in dout: comparing 2·backward(dout) with backward(2·dout), db");
        }
        run.assertAllOthersSucceeded();
    }

    @Test
    void accumulatedWeightGradientBreaksTheContractWhereverBackwardRunsTwice() {
        ContractRun run = ContractRun.of(DenseAccumulatingWeightGradientSpecimen.class);
        assertEquals(CONTRACT.size() * 3, run.size(), run::toString);
        for (String batch : List.of("x (2, 3)", "x (1, 3)", "x (5, 3)")) {
            run.assertFailed("backwardMatchesCentralDifference " + batch, "[contract breach] Dense: gradient check FAILED",
                    "backward is not repeatable", "gradients must be set, not accumulated");
            run.assertAborted("meanAbsDiffDoesNotExceedBaseline " + batch);
            run.assertFailed("backwardTwiceGivesIdenticalGradients " + batch, "[contract breach] Dense.backward called twice",
                    "changed dW", "backward must set gradients, not add to them");
            run.assertFailed("backwardIsLinearInDout " + batch, "[contract breach] Dense.backward is not linear in dout", "dW");
        }
        run.assertAllOthersSucceeded();
    }

    @Test
    void backwardWritingIntoDoutBreaksTheContractInEveryTestThatRunsBackward() {
        ContractRun run = ContractRun.of(LeakyReluWritingIntoDoutSpecimen.class);
        assertEquals(CONTRACT.size() * 3, run.size(), run::toString);
        for (String batch : List.of("x (2, 3)", "x (1, 5)", "x (6, 4)")) {
            run.assertFailed("backwardMatchesCentralDifference " + batch, "[contract breach] LeakyRelu: gradient check FAILED",
                    "LeakyRelu.backward modified its argument dout at");
            run.assertAborted("meanAbsDiffDoesNotExceedBaseline " + batch);
            for (String rule : CONTRACT.subList(2, CONTRACT.size())) {
                run.assertFailed(rule + " " + batch, "[contract breach] LeakyRelu.backward modified its argument dout at",
                        "(layers must not modify their arguments)");
            }
        }
        run.assertAllOthersSucceeded();
    }

    @Test
    void biasAveragedOverTheBatchFailsTheGradientProperty(@TempDir Path database) {
        ContractRun run = ContractRun.of("jqwik", DenseWithAveragedBiasPropertiesSpecimen.class,
                Map.of("jqwik.database", database.resolve("db").toString(), "jqwik.tries.default", "200",
                        "jqwik.reporting.onlyfailures", "true", "jqwik.reporting.usejunitplatform", "true"));
        assertEquals(5, run.size(), run::toString);
        run.assertFailed("backwardMatchesCentralDifference", "[gradient mismatch] Dense: gradient check FAILED for b");
        run.assertAllOthersSucceeded();
    }
}
