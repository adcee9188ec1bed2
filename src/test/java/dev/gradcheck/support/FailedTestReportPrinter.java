package dev.gradcheck.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints the report entries of a test that failed: jqwik publishes its report (tries, seed, shrunk
 * sample) to the JUnit Platform, where the Allure report shows it, and surefire would drop it from
 * the console. Passing tests print nothing.
 */
public final class FailedTestReportPrinter implements TestExecutionListener {

    /** Entries published per test, until the test finishes. */
    private final Map<String, List<String>> entries = new ConcurrentHashMap<>();

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entries.computeIfAbsent(test.getUniqueId(), id -> new ArrayList<>()).addAll(entry.getKeyValuePairs().values());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        List<String> published = entries.remove(test.getUniqueId());
        if (published != null && result.getStatus() == TestExecutionResult.Status.FAILED) {
            System.err.println("Report of " + test.getDisplayName() + " (" + test.getLegacyReportingName() + "):");
            published.forEach(System.err::println);
        }
    }
}
