package com.example.userlayers;

import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.userlayers.BrokenUserLayers.DenseWithAveragedBias;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.Stencil;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.GradientCheckFailure;
import dev.gradcheck.testkit.Layers;
import dev.gradcheck.testkit.RandomTensors;
import dev.gradcheck.testkit.Shape;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/** The one-line assertions, used as a user would, anywhere in a test: options, some tensors, a loss, a failure. */
class OneLineAssertionTests {

    private final Random random = new Random(7);
    private final Tensor x = RandomTensors.gaussian(Shape.of(3, DenseTests.IN), random);

    @Test
    void layerAtAnInputChecksXAndEveryParameter() {
        CheckReport report = assertGradientsMatch(DenseTests.dense(random), x);
        assertEquals(List.of("x", "W", "b"), report.tensors().stream().map(t -> t.name()).toList());
    }

    @Test
    void optionsSetTheStepTheToleranceAndTheStencil() {
        CheckOptions options = CheckOptions.defaults().withH(1e-5).withTolerance(Tolerance.of(1e-9, 1e-6)).withStencil(Stencil.CENTRAL_4);
        CheckReport report = assertGradientsMatch(new Tanh(), x, options);
        assertEquals(options, report.options());
    }

    @Test
    void onlyChecksTheNamedTensors() {
        CheckReport report = assertGradientsMatch(Checkable.of(DenseTests.dense(random), x, 42).only("W"), CheckOptions.defaults());
        assertEquals(List.of("W"), report.tensors().stream().map(t -> t.name()).toList());
    }

    @Test
    void lossAtPredictionsAndTargetsChecksY() {
        Tensor t = RandomTensors.gaussian(Shape.of(3, 3), random);
        CheckReport report = assertGradientsMatch(Layers.adapt(new MeanSquaredError()), x, t);
        assertEquals(List.of("y"), report.tensors().stream().map(r -> r.name()).toList());
    }

    @Test
    void wrongBackwardFailsWithTheReportAndItsCategory() {
        Layer broken = DenseTests.adapt(new DenseWithAveragedBias(DenseTests.gaussian(DenseTests.IN, DenseTests.OUT, random),
                new ArrayRealVector(DenseTests.OUT, 0.5)));
        GradientCheckFailure failure = assertThrows(GradientCheckFailure.class, () -> assertGradientsMatch(broken, x));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, failure.report().category());
        assertTrue(failure.getMessage().startsWith("[gradient mismatch] Dense: gradient check FAILED for b"), failure::getMessage);
        assertTrue(failure.report().tensor("W").orElseThrow().passed(), failure::getMessage);
    }
}
