package com.example.userlayers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * One run of a contract class through a JUnit Platform engine, as {@code mvn verify} would run it,
 * with every test's result keyed {@code method} or {@code method case} (e.g.
 * {@code backwardMatchesCentralDifference x (2, 3)}). Assertions name the test and show all results.
 */
final class ContractRun {

    private final Map<String, TestExecutionResult> results;

    /** Keys already asserted; {@link #assertAllOthersSucceeded} checks the rest. */
    private final TreeSet<String> asserted = new TreeSet<>();

    private ContractRun(Map<String, TestExecutionResult> results) {
        this.results = results;
    }

    /** Runs {@code contractClass} on the engine {@code engine} ({@code junit-jupiter} or {@code jqwik}). */
    static ContractRun of(String engine, Class<?> contractClass, Map<String, String> configuration) {
        Map<String, TestExecutionResult> results = new TreeMap<>();
        EngineTestKit.engine(engine).configurationParameters(configuration).selectors(selectClass(contractClass)).execute()
                .testEvents().finished().stream()
                .forEach(e -> results.put(key(e), e.getPayload(TestExecutionResult.class).orElseThrow()));
        return new ContractRun(results);
    }

    static ContractRun of(Class<?> contractClass) {
        return of("junit-jupiter", contractClass, Map.of());
    }

    int size() {
        return results.size();
    }

    /** Asserts that the test failed and that its message starts with {@code prefix} and contains each of {@code parts}. */
    void assertFailed(String test, String prefix, String... parts) {
        TestExecutionResult r = result(test);
        assertEquals(Status.FAILED, r.getStatus(), () -> test + " did not fail; all results:\n" + this);
        String message = r.getThrowable().map(Throwable::getMessage).orElse("");
        assertTrue(message.startsWith(prefix), () -> test + ": message does not start with '" + prefix + "':\n" + message);
        for (String part : parts) {
            assertTrue(message.contains(part), () -> test + ": message does not contain '" + part + "':\n" + message);
        }
    }

    void assertAborted(String test) {
        assertEquals(Status.ABORTED, result(test).getStatus(), () -> test + " was not aborted; all results:\n" + this);
    }

    /** Asserts that every test not asserted so far passed. */
    void assertAllOthersSucceeded() {
        results.forEach((test, r) -> {
            if (!asserted.contains(test)) {
                assertEquals(Status.SUCCESSFUL, r.getStatus(), () -> test + " did not pass: "
                        + r.getThrowable().map(Throwable::getMessage).orElse("") + "\nall results:\n" + this);
            }
        });
    }

    private TestExecutionResult result(String test) {
        asserted.add(test);
        TestExecutionResult r = results.get(test);
        assertTrue(r != null, () -> "no test " + test + " ran; the tests were:\n" + this);
        return r;
    }

    /** {@code method case} for a dynamic test of a factory, {@code method} for a test or property. */
    private static String key(Event e) {
        Map<String, String> segments = new LinkedHashMap<>();
        for (UniqueId.Segment s : e.getTestDescriptor().getUniqueId().getSegments()) {
            segments.put(s.getType(), s.getValue().replaceAll("\\(.*\\)$", ""));
        }
        String factory = segments.get("test-factory");
        return factory != null ? factory + " " + e.getTestDescriptor().getDisplayName()
                : e.getTestDescriptor().getDisplayName().replaceAll("\\(.*\\)$", "");
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        results.forEach((test, r) -> s.append("  ").append(test).append(": ").append(r.getStatus())
                .append(r.getThrowable().map(t -> " " + t.getMessage().lines().findFirst().orElse("")).orElse(""))
                .append('\n'));
        return s.toString();
    }
}
