package dev.gradcheck.testkit;

import dev.gradcheck.baseline.BaselineGate;
import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.numerics.Diagnosis;

/**
 * One-line assertions for tests: run a {@link GradientCheck} and fail with its full report.
 * The message opens with the failure category in brackets, e.g. {@code [gradient mismatch]}; a
 * gradient mismatch ends with its {@link Diagnosis} (step-size sweep, exact oracle).
 */
public final class GradCheckAssertions {

    private GradCheckAssertions() {
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
