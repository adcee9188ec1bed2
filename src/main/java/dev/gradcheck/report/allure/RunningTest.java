package dev.gradcheck.report.allure;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.check.CheckReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reporter knows about the Allure test (or set-up fixture) running on this thread: how
 * many checks it ran and how each was shown, its kind, and the baseline comparisons to list at
 * its end.
 */
final class RunningTest {

    /** Allure's uuid of the test or fixture: the root of the lifecycle's context on this thread while it runs. */
    private final String uuid;

    private final boolean fixture;

    /** Stable across runs: the test's history id, or the fixture's name; prefixes trend keys. */
    private final String trendKey;

    private final String testClass;
    private final String testMethod;

    private CheckKind kind;

    /** Checks run so far. */
    private int checks;

    /** Checks neither itemised nor listed, and how many of them failed. */
    private int counted;
    private int countedFailed;

    /** The last failing check that was not itemised, shown in full when the test ends. */
    private CheckReport lastFailing;

    private final List<BaselineComparison> comparisons = new ArrayList<>();

    /** Every comparison of this test, those shown as steps, and those left out of the table. */
    private int comparisonsSeen, comparisonsShown, comparisonsUntabulated;

    private RunningTest(String uuid, boolean fixture, String trendKey, String testClass, String testMethod) {
        this.uuid = uuid;
        this.fixture = fixture;
        this.trendKey = trendKey;
        this.testClass = testClass;
        this.testMethod = testMethod;
    }

    static RunningTest test(String uuid, String historyId, String testClass, String testMethod) {
        return new RunningTest(uuid, false, historyId == null ? uuid : historyId, testClass, testMethod);
    }

    static RunningTest fixture(String uuid, String name) {
        return new RunningTest(uuid, true, "fixture:" + name, null, null);
    }

    boolean isFixture() {
        return fixture;
    }

    String uuid() {
        return uuid;
    }

    /** The kind told by the test's declaration, found once. */
    CheckKind declaredKind() {
        if (kind == null) {
            kind = isFixture() ? CheckKind.EXAMPLE
                    : CheckKind.of(testClass, testMethod, Thread.currentThread().getContextClassLoader());
        }
        return kind;
    }

    /** Counts a check and returns its number in this test, from 1. */
    int nextCheck() {
        return ++checks;
    }

    int checks() {
        return checks;
    }

    /** The test method (the same for every case of a parameterized test), or the fixture. */
    String methodKey() {
        return isFixture() ? trendKey : testClass + "#" + testMethod;
    }

    /** The trend key of tensor {@code tensor} of check number {@code check}. */
    String trendKey(int check, String tensor) {
        return trendKey + "#" + check + "/" + tensor;
    }

    void count(CheckReport report) {
        counted++;
        countedFailed += report.passed() ? 0 : 1;
    }

    int counted() {
        return counted;
    }

    int countedFailed() {
        return countedFailed;
    }

    void rememberFailing(CheckReport report) {
        lastFailing = report;
    }

    /** The last failing check not itemised, or null; forgets it. */
    CheckReport takeLastFailing() {
        CheckReport r = lastFailing;
        lastFailing = null;
        return r;
    }

    /**
     * Keeps {@code comparison} for the test's table if it is among the first
     * {@link AllureWriter#TABULATED} or failed; returns whether it is to be shown as a step of its own
     * (among the first {@link AllureWriter#LISTED}, or failed). The others are only counted.
     */
    boolean add(BaselineComparison comparison) {
        comparisonsSeen++;
        if (comparison.failed() || comparisonsSeen <= AllureWriter.TABULATED) {
            comparisons.add(comparison);
        } else {
            comparisonsUntabulated++;
        }
        boolean shown = comparison.failed() || comparisonsSeen <= AllureWriter.LISTED;
        comparisonsShown += shown ? 1 : 0;
        return shown;
    }

    /** Comparisons shown as steps of their own. */
    int comparisonsShown() {
        return comparisonsShown;
    }

    /** The comparisons kept for the table. */
    List<BaselineComparison> comparisons() {
        return comparisons;
    }

    /** Comparisons of this test, shown or not. */
    int comparisonsSeen() {
        return comparisonsSeen;
    }

    /** Passed comparisons left out of the table (a property compares on every try). */
    int comparisonsUntabulated() {
        return comparisonsUntabulated;
    }
}
