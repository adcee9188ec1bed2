package dev.gradcheck.testkit;

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
}
