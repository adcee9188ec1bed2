package dev.gradcheck.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Property;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * One run of a jqwik property through the JUnit Platform, as {@code mvn verify} runs it, with
 * jqwik's report captured instead of printed: the seed, the shrunk sample and the failure.
 *
 * @param result the property's execution result
 * @param report jqwik's report of the run (empty when the property passed)
 */
public record PropertyRun(TestExecutionResult result, String report) {

    private static final Pattern SEED = Pattern.compile("seed = (-?\\d+)");
    private static final Pattern TRIES = Pattern.compile("tries = (\\d+)");
    private static final Pattern SHRUNK = Pattern.compile("(?:Shrunk Sample \\(\\d+ steps?\\)|Sample)\\s*-+\\s*\\w+:\\s*(.+)");
    private static final Pattern ORIGINAL = Pattern.compile("Original Sample\\s*-+\\s*\\w+:\\s*(.+)");

    /**
     * Runs {@code property} of {@code propertyClass} (declared there or inherited) with jqwik's
     * failure database at {@code database}, the configured tries and {@code settings} on top.
     */
    public static PropertyRun of(Class<?> propertyClass, String property, Path database, Map<String, String> settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("jqwik.database", database.toString());
        parameters.put("jqwik.tries.default", "1000");
        parameters.put("jqwik.reporting.usejunitplatform", "true");
        parameters.put("jqwik.reporting.onlyfailures", "true");
        parameters.putAll(settings);
        Events events = EngineTestKit.engine("jqwik").configurationParameters(parameters)
                .selectors(selectMethod(propertyClass, find(propertyClass, property))).execute().allEvents();
        StringBuilder report = new StringBuilder();
        events.reportingEntryPublished().stream().map(e -> e.getPayload(ReportEntry.class)).flatMap(Optional::stream)
                .forEach(entry -> entry.getKeyValuePairs().values().forEach(report::append));
        TestExecutionResult result = events.finished().stream().filter(e -> e.getTestDescriptor().isTest())
                .map(PropertyRun::result).findFirst()
                .orElseThrow(() -> new AssertionError("jqwik did not run " + propertyClass.getSimpleName() + "." + property));
        return new PropertyRun(result, report.toString());
    }

    /** Whether the property was falsified (or threw). */
    public boolean failed() {
        return result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
    }

    /** The failure's message: the CheckReport's {@code describe()} for a gradient property. */
    public String message() {
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }

    /** The seed jqwik reports for reproducing the run. */
    public long seed() {
        return Long.parseLong(group(SEED));
    }

    /** How many tries ran before the property was falsified. */
    public int tries() {
        return Integer.parseInt(group(TRIES));
    }

    /** The shrunk sample as jqwik reports it (the case's toString), or the first failing sample if it could not shrink. */
    public String shrunkSample() {
        return group(SHRUNK);
    }

    /** The sample that first falsified the property, if jqwik shrank it. */
    public Optional<String> originalSample() {
        Matcher m = ORIGINAL.matcher(report);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private String group(Pattern pattern) {
        Matcher m = pattern.matcher(report);
        if (!m.find()) {
            throw new AssertionError("no match for " + pattern + " in jqwik's report:\n" + report);
        }
        return m.group(1).strip();
    }

    private static TestExecutionResult result(Event finished) {
        return finished.getPayload(TestExecutionResult.class).orElseThrow();
    }

    private static Method find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.isAnnotationPresent(Property.class)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no @Property method " + name);
    }
}
