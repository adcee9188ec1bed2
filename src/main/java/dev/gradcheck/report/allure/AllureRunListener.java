package dev.gradcheck.report.allure;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The JUnit Platform side of the Allure reporter, for every engine (JUnit Jupiter, jqwik): writes
 * the run's environment, failure categories and executor into Allure's results directory when
 * the run starts, adds a jqwik property's tries and seed to its test, and keeps the check trend
 * when the run ends. Registered for {@link java.util.ServiceLoader}; does nothing without Allure.
 */
public final class AllureRunListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        AllureSink.current().runStarted();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        AllureSink.current().reportEntry(entry.getKeyValuePairs());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        AllureSink.current().runFinished();
    }
}
