package dev.gradcheck.support;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.baseline.BaselineComparison.Verdict;
import dev.gradcheck.baseline.BaselineGate;
import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckReport;
import java.util.List;
import org.junit.jupiter.api.TestReporter;

/** The baseline gate for this repository's tests: fails as the gate does, and reports what shrank or was recorded. */
public final class Baselines {

    private Baselines() {
    }

    /**
     * {@link BaselineGate#assertNoRegression}, then one {@link TestReporter} entry per tensor whose
     * mean shrank (an opportunity to tighten) or was recorded.
     */
    public static List<BaselineComparison> assertNoRegression(CheckId id, CheckReport report, TestReporter reporter) {
        List<BaselineComparison> comparisons = BaselineGate.assertNoRegression(id, report);
        for (BaselineComparison c : comparisons) {
            if (c.verdict() == Verdict.SHRANK || c.verdict() == Verdict.RECORDED) {
                reporter.publishEntry("baseline " + c.key(), c.message());
            }
        }
        return comparisons;
    }

    /**
     * The ceiling for a random (property) case of a unit with recorded baselines:
     * {@link BaselineGate#assertWithinCeiling}; nothing for a unit without any (a broken specimen).
     */
    public static void assertWithinCeilingWhereRecorded(CheckReport report) {
        if (!BaselineGate.standard().store().entries(report.unit()).isEmpty()) {
            BaselineGate.assertWithinCeiling(report.unit(), report);
        }
    }
}
