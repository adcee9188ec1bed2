package dev.gradcheck.testkit;

import dev.gradcheck.baseline.BaselineGate;
import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.ContractViolation;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.numerics.Diagnosis;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import org.apiguardian.api.API;

/**
 * One-line assertions for tests: run a {@link GradientCheck} and fail with its full report.
 * The message opens with the failure category in brackets, e.g. {@code [gradient mismatch]}; a
 * gradient mismatch ends with its {@link Diagnosis} (step-size sweep, exact oracle).
 * <pre>{@code
 * assertGradientsMatch(layer, x);                                              // x and every parameter
 * assertGradientsMatch(layer, x, CheckOptions.defaults().withH(1e-5));          // any options
 * assertGradientsMatch(Checkable.of(layer, x, 7).only("W"), options);          // some tensors, another projection
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradCheckAssertions {

    /** Seed of the projection R that reduces a layer's output to a scalar in the one-line layer assertions. */
    public static final long PROJECTION_SEED = 42;

    private GradCheckAssertions() {
    }

    /** Fails unless dx and every parameter gradient of {@code layer} at {@code x} match, with default options. */
    public static CheckReport assertGradientsMatch(Layer layer, Tensor x) {
        return assertGradientsMatch(layer, x, CheckOptions.defaults());
    }

    /** Fails unless dx and every parameter gradient of {@code layer} at {@code x} match under {@code options}. */
    public static CheckReport assertGradientsMatch(Layer layer, Tensor x, CheckOptions options) {
        return assertGradientsMatch(projected(layer, x), options);
    }

    /** Fails unless dy of {@code loss} at predictions {@code y} and targets {@code t} matches, with default options. */
    public static CheckReport assertGradientsMatch(TargetLossLayer loss, Tensor y, Tensor t) {
        return assertGradientsMatch(loss, y, t, CheckOptions.defaults());
    }

    /** Fails unless dy of {@code loss} at predictions {@code y} and targets {@code t} matches under {@code options}. */
    public static CheckReport assertGradientsMatch(TargetLossLayer loss, Tensor y, Tensor t, CheckOptions options) {
        return assertGradientsMatch(Checkable.of(loss, y, t), options);
    }

    /**
     * {@code layer} at x reduced by the projection from {@link #PROJECTION_SEED}. Making it runs one
     * forward (for the output's shape), so a layer that fails there fails here, with its category.
     */
    static Checkable projected(Layer layer, Tensor x) {
        try {
            return Checkable.of(layer, x, PROJECTION_SEED);
        } catch (ContractViolation | ShapeException e) {
            String message = e.getMessage().startsWith(layer.name()) ? e.getMessage() : layer.name() + ": " + e.getMessage();
            throw failure(FailureCategory.CONTRACT_BREACH, message, e);
        } catch (RuntimeException e) {
            throw failure(FailureCategory.LAYER_ERROR, layer.name() + " threw " + e.getClass().getSimpleName()
                    + " during forward: " + e.getMessage(), e);
        }
    }

    static AssertionError failure(FailureCategory category, String message, Throwable cause) {
        AssertionError error = new AssertionError("[" + category.tag() + "] " + message);
        error.initCause(cause);
        return error;
    }

    /** Fails unless every input and parameter gradient of {@code unit} matches, with default options. */
    public static CheckReport assertGradientsMatch(Checkable unit) {
        return assertGradientsMatch(unit, CheckOptions.defaults());
    }

    /** Fails unless every input and parameter gradient of {@code unit} matches under {@code options}. */
    public static CheckReport assertGradientsMatch(Checkable unit, CheckOptions options) {
        CheckReport report = GradientCheck.check(unit, options);
        if (!report.passed()) {
            AssertionError error = new GradientCheckFailure(report, Diagnosis.of(unit, report));
            report.problems().stream().filter(p -> p.cause() != null).findFirst().ifPresent(p -> error.initCause(p.cause()));
            throw error;
        }
        return report;
    }

    /**
     * Fails unless every gradient of {@code unit} matches, with default options, and no tensor's
     * mean |A - N| grew beyond its baseline recorded under {@code id} ({@link BaselineGate}).
     */
    public static CheckReport assertGradientsMatch(CheckId id, Checkable unit) {
        return assertGradientsMatch(id, unit, CheckOptions.defaults());
    }

    /** As {@link #assertGradientsMatch(CheckId, Checkable)}, under {@code options}. */
    public static CheckReport assertGradientsMatch(CheckId id, Checkable unit, CheckOptions options) {
        CheckReport report = assertGradientsMatch(unit, options);
        BaselineGate.assertNoRegression(id, report);
        return report;
    }
}
