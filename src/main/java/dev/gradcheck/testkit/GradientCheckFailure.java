package dev.gradcheck.testkit;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.numerics.Diagnosis;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The assertion error of a failed gradient check: its message is the report followed by the
 * diagnosis (step-size sweep and exact oracle), and it carries both, so a reporter can attach the
 * sweep's chart ({@link dev.gradcheck.numerics.SweepChart}) to the failed test.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradientCheckFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** The check that failed. */
    private final transient CheckReport report;

    /** Why, when the failure was a gradient mismatch. */
    private final transient Diagnosis diagnosis;

    public GradientCheckFailure(CheckReport report, Optional<Diagnosis> diagnosis) {
        super(report.describe() + diagnosis.map(Diagnosis::describe).orElse(""));
        this.report = report;
        this.diagnosis = diagnosis.orElse(null);
    }

    public CheckReport report() {
        return report;
    }

    /** The sweep and oracle findings; empty for failures other than a gradient mismatch. */
    public Optional<Diagnosis> diagnosis() {
        return Optional.ofNullable(diagnosis);
    }
}
