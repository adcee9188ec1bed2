package dev.gradcheck.support;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.baseline.BaselineComparison.Verdict;
import dev.gradcheck.baseline.BaselineListener;
import dev.gradcheck.baseline.BaselineMode;
import dev.gradcheck.baseline.BaselinePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the gate's comparisons of a test run and writes {@code target/baseline-summary.txt}
 * (one file per surefire fork): the count per verdict and every baseline that shrank, so the
 * opportunity to tighten is seen without reading each test's entries. Registered both as a
 * {@link BaselineListener} and as a JUnit {@link TestExecutionListener}; the two instances share
 * the static queue.
 */
public final class BaselineSummary implements BaselineListener, TestExecutionListener {

    private static final ConcurrentLinkedQueue<BaselineComparison> SEEN = new ConcurrentLinkedQueue<>();

    @Override
    public void onComparison(BaselineComparison comparison) {
        SEEN.add(comparison);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        SEEN.clear();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (SEEN.isEmpty()) {
            return;
        }
        List<BaselineComparison> all = List.copyOf(SEEN);
        Map<Verdict, Long> counts = all.stream()
                .collect(Collectors.groupingBy(BaselineComparison::verdict, () -> new EnumMap<>(Verdict.class), Collectors.counting()));
        StringBuilder s = new StringBuilder("gradcheck baselines: ").append(all.size()).append(" compared; ")
                .append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                        .collect(Collectors.joining(", "))).append('\n');
        all.stream().filter(c -> c.recorded() < c.current() && Double.isFinite(c.growthInRoundingUnits()))
                .max(Comparator.comparingDouble(BaselineComparison::growthInRoundingUnits))
                .ifPresent(c -> s.append(String.format(Locale.ROOT, "largest growth: %+.3g rounding units (allowed %s), %s%n",
                        c.growthInRoundingUnits(), BaselinePolicy.GROWTH_ALLOWANCE, c.key())));
        all.stream().filter(c -> c.recorded() > c.current())
                .min(Comparator.comparingDouble(BaselineComparison::growthInRoundingUnits))
                .ifPresent(c -> s.append(String.format(Locale.ROOT, "largest shrink: %+.3g rounding units, %s%n",
                        c.growthInRoundingUnits(), c.key())));
        List<BaselineComparison> shrank = all.stream().filter(c -> c.verdict() == Verdict.SHRANK).toList();
        if (!shrank.isEmpty()) {
            s.append(shrank.size()).append(" could be tightened: mvn -B verify -D").append(BaselineMode.PROPERTY)
                    .append("=record, review the diff of fixtures/baselines, commit\n");
            shrank.forEach(c -> s.append("  ").append(c.message()).append('\n'));
        }
        all.stream().filter(BaselineComparison::failed).forEach(c -> s.append("FAILED ").append(c.message()).append('\n'));
        write(s.toString());
    }

    private static void write(String text) {
        String fork = System.getProperty("surefire.forkNumber", "");
        Path file = Path.of("target", fork.isEmpty() ? "baseline-summary.txt" : "baseline-summary-" + fork + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
