package dev.gradcheck.catalogue;

import dev.gradcheck.baseline.BaselineGate;
import dev.gradcheck.baseline.BaselineMode;
import dev.gradcheck.baseline.BaselineStore;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.numerics.TaylorResult;
import dev.gradcheck.numerics.TaylorTest;
import dev.gradcheck.testkit.GradCheckAssertions;
import dev.gradcheck.testkit.GradientCheckFailure;
import java.util.Optional;

/**
 * The checks {@code mvn verify} runs on a unit, in its order, stopping at the first that fails:
 * <ol>
 *   <li>{@link GradCheckAssertions#assertGradientsMatch}: the gradient check with the default options,
 *       with every contract check of the checker;</li>
 *   <li>the baseline gate against the committed {@code fixtures/baselines}, for a case that has an id
 *       (compared only, never recorded);</li>
 *   <li>the Taylor remainder test along the direction from seed 42, where the unit is differentiable at
 *       the point (the check skipped no element as a kink).</li>
 * </ol>
 */
public final class DefaultChecks {

    /** What caught a unit: the category and the failure's message. */
    public record Failure(FailureCategory category, String message) {
    }

    /** The committed baselines, compared only, whatever -Dgradcheck.baselines says. */
    private static final BaselineGate COMMITTED = new BaselineGate(new BaselineStore(BaselineStore.DEFAULT_DIRECTORY),
            BaselineMode.COMPARE);

    private DefaultChecks() {
    }

    /** The first failure of the default checks on {@code c}, or empty if the unit passed them all. */
    public static Optional<Failure> run(CheckCase c) {
        Checkable unit = c.unit().get();
        CheckReport report;
        try {
            report = GradCheckAssertions.assertGradientsMatch(unit);
        } catch (GradientCheckFailure e) {
            return Optional.of(new Failure(e.report().category(), e.getMessage()));
        }
        if (c.id().isPresent()) {
            try {
                COMMITTED.verify(c.id().get(), report);
            } catch (AssertionError e) {
                return Optional.of(new Failure(FailureCategory.BASELINE_REGRESSION, e.getMessage()));
            }
        }
        if (report.tensors().stream().anyMatch(t -> t.skipped() > 0)) {
            return Optional.empty();
        }
        TaylorResult taylor = TaylorTest.run(unit);
        if (!taylor.passed()) {
            return Optional.of(new Failure(FailureCategory.GRADIENT_MISMATCH, "[taylor] " + taylor.describe()));
        }
        return Optional.empty();
    }
}
