package dev.gradcheck.report.allure;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.check.CheckReport;
import java.util.Map;

/**
 * Where the reporter sends what it hears: into Allure when Allure is on the class path, nowhere
 * otherwise. The listeners that {@link java.util.ServiceLoader} creates in every user's tests go
 * through this interface, so they never link an Allure class unless Allure is there.
 */
interface AllureSink {

    /** A finished gradient check. */
    void check(CheckReport report);

    /** One comparison of the baseline gate. */
    void comparison(BaselineComparison comparison);

    /** The test (or fixture) {@code test} is about to stop. */
    void testFinishing(RunningTest test);

    /** A test run starts: write the run's files (environment, categories, executor). */
    void runStarted();

    /** A test published a report entry (jqwik publishes a property's tries and seed this way). */
    void reportEntry(Map<String, String> entry);

    /** The test run ended: keep the trend. */
    void runFinished();

    /** The sink of this JVM. */
    static AllureSink current() {
        return Holder.SINK;
    }

    /** Does nothing: Allure is not on the class path. */
    AllureSink NONE = new AllureSink() {
        @Override public void check(CheckReport report) { }
        @Override public void comparison(BaselineComparison comparison) { }
        @Override public void testFinishing(RunningTest test) { }
        @Override public void runStarted() { }
        @Override public void reportEntry(Map<String, String> entry) { }
        @Override public void runFinished() { }
    };

    /** Chooses the sink once, on first use. */
    final class Holder {
        static final AllureSink SINK = allurePresent() ? AllureWriter.create() : NONE;

        private Holder() {
        }

        private static boolean allurePresent() {
            try {
                Class.forName("io.qameta.allure.Allure", false, AllureSink.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
