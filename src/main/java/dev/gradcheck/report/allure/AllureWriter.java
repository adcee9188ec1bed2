package dev.gradcheck.report.allure;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.report.CheckTrend;
import dev.gradcheck.report.TensorGrid;
import dev.gradcheck.tensor.Shapes;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.PropertiesUtils;
import io.qameta.allure.util.ResultsUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes gradient checks and baseline comparisons into the Allure test or fixture running on the
 * calling thread, through Allure's runtime API (no AspectJ): labels and parameters of the test,
 * steps and attachments ({@link CheckSteps}). A test's first {@link #ITEMISED} checks are shown in
 * full, the next ones up to {@link #LISTED} as one line each, the rest counted, so a property with
 * thousands of tries stays readable; its last failing check (jqwik's shrunk sample) is shown in
 * full at its end.
 *
 * <p>Heat maps, the bulk of a report, are drawn for every failing tensor and for passing matrices
 * (at least 2 × 2 cells): every one of a net, and of a layer the first of each tensor name in each
 * test method, one per tensor for the many cases of a parameterized test.
 */
final class AllureWriter implements AllureSink {

    /** Checks per test shown in full. */
    static final int ITEMISED = 3;

    /** Checks per test listed, the itemised ones included. */
    static final int LISTED = 20;

    /** Rows of a test's baseline table; failed comparisons are always in it. */
    static final int TABULATED = 60;

    /** System property: the directory of gradcheck's own trend ({@link CheckTrend}); no trend without it. */
    static final String TREND_PROPERTY = "gradcheck.report.trend";

    /** {@code seed=N} in a check id's case. */
    private static final Pattern SEED = Pattern.compile("(?:^|,)seed=([^,]+)");

    /** jqwik statistics shown as parameters of a property's test, by jqwik's name. */
    private static final Map<String, String> PROPERTY_STATISTICS = Map.of("tries", "tries", "checks", "checks",
            "seed", "seed", "generation", "generation", "edge-cases#tried", "edge cases tried");

    /** This run in the trend: when the reporter started, and the process. */
    private final String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT))
            + "-" + ProcessHandle.current().pid();

    private CheckTrend trend;

    /** Test method and tensor name of every passing layer tensor drawn so far. */
    private final Set<String> drawn = ConcurrentHashMap.newKeySet();

    private AllureWriter() {
    }

    static AllureSink create() {
        return new AllureWriter();
    }

    @Override
    public void check(CheckReport report) {
        RunningTest test = AllureTestTracker.current().orElse(null);
        if (test == null) {
            return;
        }
        int n = test.nextCheck();
        if (!test.isFixture()) {
            label(test, ResultsUtils.EPIC_LABEL_NAME, "gradcheck");
            label(test, ResultsUtils.FEATURE_LABEL_NAME, report.unit().isEmpty() ? "(unnamed unit)" : report.unit());
            label(test, ResultsUtils.STORY_LABEL_NAME, test.declaredKind().story());
            if (n == 1) {
                if (test.declaredKind() != CheckKind.PROPERTY) {
                    for (TensorReport t : report.tensors()) {
                        parameter(test, "shape " + t.name(), Shapes.format(t.shape()));
                    }
                }
                parameter(test, "h", Double.toString(report.options().h()));
                parameter(test, "tolerance", report.options().tolerance().toString());
            }
        }
        Map<String, List<Double>> series = trend(test, n, report);
        if (n <= ITEMISED) {
            CheckSteps.full("", report, series, t -> heatMap(test, report, t));
        } else {
            if (n <= LISTED) {
                CheckSteps.line(report);
            } else {
                test.count(report);
            }
            if (!report.passed()) {
                test.rememberFailing(report);
            }
        }
    }

    @Override
    public void comparison(BaselineComparison c) {
        RunningTest test = AllureTestTracker.current().orElse(null);
        if (test == null) {
            return;
        }
        if (!test.isFixture()) {
            label(test, ResultsUtils.EPIC_LABEL_NAME, "gradcheck");
            label(test, ResultsUtils.FEATURE_LABEL_NAME, c.id().unit());
            CheckKind kind = test.declaredKind();
            label(test, ResultsUtils.STORY_LABEL_NAME,
                    (kind == CheckKind.EXAMPLE && test.checks() == 0 ? CheckKind.BASELINE : kind).story());
            label(test, ResultsUtils.TAG_LABEL_NAME, "baseline gate");
            parameter(test, "check id", c.id().toString());
            seed(c.id().caseName()).ifPresent(seed -> parameter(test, "seed", seed));
        }
        if (!test.add(c)) {
            return;
        }
        Steps.step(String.format(Locale.ROOT, "baseline %s: %s — recorded %s, current %.6e, allowed %s", c.tensor(),
                c.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), orNone(c.recorded()), c.current(),
                orNone(c.allowed())), c.failed() ? Status.FAILED : Status.PASSED, List.of(
                Steps.parameter("check", c.key()),
                Steps.parameter("recorded mean |A − N|", orNone(c.recorded())),
                Steps.parameter("current mean |A − N|", String.format(Locale.ROOT, "%.6e", c.current())),
                Steps.parameter("allowed up to", orNone(c.allowed())),
                Steps.parameter("ratio current / recorded", String.format(Locale.ROOT, "%.4g", c.ratio())),
                Steps.parameter("growth in rounding units ulp(S)/h", String.format(Locale.ROOT, "%+.3g",
                        c.growthInRoundingUnits())),
                Steps.parameter("verdict", c.message())));
    }

    @Override
    public void testFinishing(RunningTest test) {
        CheckReport lastFailing = test.takeLastFailing();
        if (lastFailing != null) {
            CheckSteps.full("last failing check, in full (for a property: the shrunk sample): ", lastFailing, null,
                    t -> heatMap(test, lastFailing, t));
        }
        if (test.counted() > 0) {
            Steps.step(String.format(Locale.ROOT, "%d more checks, not listed: %d passed, %d failed", test.counted(),
                    test.counted() - test.countedFailed(), test.countedFailed()),
                    test.countedFailed() == 0 ? Status.PASSED : Status.FAILED, List.of());
        }
        int unlisted = test.comparisonsSeen() - test.comparisonsShown();
        if (unlisted > 0) {
            Steps.step(String.format(Locale.ROOT, "%d more baseline comparisons passed, not listed", unlisted),
                    Status.PASSED, List.of());
        }
        if (!test.comparisons().isEmpty()) {
            String title = test.comparisonsUntabulated() == 0 ? "baseline gate: recorded and current mean |A − N|"
                    : String.format(Locale.ROOT, "baseline gate: recorded and current mean |A − N| (first %d and every "
                    + "failed one of %d)", TABULATED, test.comparisonsSeen());
            Steps.attach(title, "text/csv", "csv", BaselineTable.csv(test.comparisons()));
        }
    }

    @Override
    public void runStarted() {
        Path results = Path.of(PropertiesUtils.loadAllureProperties()
                .getProperty("allure.results.directory", "allure-results"));
        AllureRunFiles.write(results, "gradcheck " + AllureRunFiles.version() + ", " + runId, buildNumber());
    }

    @Override
    public void reportEntry(Map<String, String> entry) {
        RunningTest test = AllureTestTracker.current().orElse(null);
        if (test == null || test.isFixture()) {
            return;
        }
        for (String value : entry.values()) {
            PropertyStatistics.parse(value).forEach((name, v) -> {
                String shown = PROPERTY_STATISTICS.get(name);
                if (shown != null) {
                    parameter(test, shown, v);
                }
            });
        }
    }

    @Override
    public synchronized void runFinished() {
        if (trend != null) {
            trend.write(runId);
        }
    }

    /** Whether tensor {@code t} of {@code report} gets a heat map (see the class comment). */
    private boolean heatMap(RunningTest test, CheckReport report, TensorReport t) {
        if (!t.passed()) {
            return true;
        }
        TensorGrid grid = TensorGrid.of(t.shape());
        return grid.rows() >= 2 && grid.cols() >= 2
                && (CheckSteps.isNet(report) || drawn.add(test.methodKey() + "/" + t.name()));
    }

    /** Per tensor its mean |A - N| in earlier builds then this one; records this one. Null without a trend. */
    private Map<String, List<Double>> trend(RunningTest test, int check, CheckReport report) {
        CheckTrend trend = trend();
        if (trend == null || test.declaredKind() == CheckKind.PROPERTY) {
            return null;
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (TensorReport t : report.tensors()) {
            if (Double.isFinite(t.meanAbsDiff())) {
                String key = test.trendKey(check, t.name());
                List<Double> values = new ArrayList<>(trend.earlier(key));
                values.add(t.meanAbsDiff());
                trend.record(key, t.meanAbsDiff());
                series.put(t.name(), values);
            }
        }
        return series;
    }

    private synchronized CheckTrend trend() {
        String directory = System.getProperty(TREND_PROPERTY);
        if (trend == null && directory != null && !directory.isBlank()) {
            trend = CheckTrend.open(Path.of(directory));
        }
        return trend;
    }

    /** The number of this build in the trend directory's counter, from 1; 1 without a trend. */
    private static long buildNumber() {
        String directory = System.getProperty(TREND_PROPERTY);
        if (directory == null || directory.isBlank()) {
            return 1;
        }
        Path counter = Path.of(directory, "build-number");
        try {
            long n = Files.exists(counter) ? Long.parseLong(Files.readString(counter, StandardCharsets.US_ASCII).trim()) + 1 : 1;
            Files.createDirectories(counter.getParent());
            Files.writeString(counter, n + "\n", StandardCharsets.US_ASCII);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the build counter " + counter, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(counter + ": not a build number (" + e.getMessage()
                    + "); the file is generated: delete it to start counting again", e);
        }
    }

    /** Adds the label unless the test already has one with that name and value (a story: any value). */
    private static void label(RunningTest test, String name, String value) {
        boolean single = name.equals(ResultsUtils.STORY_LABEL_NAME) || name.equals(ResultsUtils.EPIC_LABEL_NAME);
        Allure.getLifecycle().updateTestCase(test.uuid(), (TestResult r) -> {
            boolean present = r.getLabels().stream().anyMatch(l -> name.equals(l.getName())
                    && (single || value.equals(l.getValue())));
            if (!present) {
                r.getLabels().add(new Label().setName(name).setValue(value));
            }
        });
    }

    /** Adds the parameter unless the test already has one of that name (JUnit's own, say). */
    private static void parameter(RunningTest test, String name, String value) {
        Allure.getLifecycle().updateTestCase(test.uuid(), (TestResult r) -> {
            if (r.getParameters().stream().noneMatch(p -> name.equals(p.getName()))) {
                r.getParameters().add(new Parameter().setName(name).setValue(value));
            }
        });
    }

    /** The value of {@code seed=N} in a check id's case. */
    private static Optional<String> seed(String caseName) {
        Matcher m = SEED.matcher(caseName);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String orNone(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.6e", v);
    }
}
