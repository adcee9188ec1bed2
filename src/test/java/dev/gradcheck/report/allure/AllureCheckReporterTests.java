package dev.gradcheck.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.baseline.BaselineComparison.Verdict;
import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.support.WrongAtOneElement;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a gradient check looks like in Allure: each test here runs checks inside an Allure test of
 * its own lifecycle (recorded in memory, named after a declaration of {@link CheckKindTests}) and
 * reads back the labels, parameters, steps and attachments.
 */
class AllureCheckReporterTests {

    private final RecordingResultsWriter results = new RecordingResultsWriter();
    private final AllureLifecycle lifecycle = new AllureLifecycle(results);
    private AllureLifecycle outer;

    @BeforeEach
    void useALifecycleOfOurOwn() {
        outer = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
    }

    @AfterEach
    void restoreTheBuildsLifecycle() {
        Allure.setLifecycle(outer);
    }

    @Test
    void aFailingCheckIsAFailedStepWithAStepPerTensorAHeatMapAndTheWorstElements() throws IOException {
        TestResult test = runTest("exampleCheck", () -> check(new WrongAtOneElement(7, 1e-6)));

        assertEquals(List.of("gradcheck"), labels(test, "epic"));
        assertEquals(List.of("WrongAtOneElement"), labels(test, "feature"));
        assertEquals(List.of("example"), labels(test, "story"));
        assertEquals("(4, 5)", parameter(test.getParameters(), "shape x"));
        assertEquals("1.0E-4", parameter(test.getParameters(), "h"));
        assertEquals("|A - N| <= 1e-12 + 1e-07·|N| + 256·ulp(S)/h", parameter(test.getParameters(), "tolerance"));

        StepResult check = single(test.getSteps());
        assertEquals("WrongAtOneElement: [gradient mismatch] x", check.getName());
        assertEquals(Status.FAILED, check.getStatus());
        assertTrue(text(attachment(check, "metrics", "text/csv")).startsWith("tensor,kind,shape,"));

        StepResult x = single(check.getSteps());
        assertTrue(x.getName().startsWith("x (4, 5): mean |A − N| "), x.getName());
        assertTrue(x.getName().endsWith("— 1 of 20 elements beyond tolerance; worst (1, 2): analytic "
                + x.getName().replaceAll(".*analytic ", "")), x.getName());
        assertEquals(Status.FAILED, x.getStatus());
        assertEquals("1", parameter(x.getParameters(), "beyond tolerance"));
        assertTrue(parameter(x.getParameters(), "worst element").startsWith("(1, 2): A = "));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(bytes(attachment(x, "x: |A − N| heat map", "image/png")))));
        assertTrue(text(attachment(x, "x: worst elements", "text/csv")).lines().skip(1).findFirst().orElseThrow()
                .startsWith("1,\"(1, 2)\","));
    }

    @Test
    void aPassingParameterizedCheckIsFiledUnderItsLayerAsParameterized() {
        TestResult test = runTest("parameterizedCheck", () -> check(new Sigmoid()));
        assertEquals(List.of("Sigmoid"), labels(test, "feature"));
        assertEquals(List.of("parameterized"), labels(test, "story"));
        StepResult check = single(test.getSteps());
        assertEquals("Sigmoid: gradients match — x (4, 5)", check.getName());
        assertEquals(Status.PASSED, check.getStatus());
        assertEquals(Status.PASSED, single(check.getSteps()).getStatus());
    }

    @Test
    void aNetCheckCarriesTheBooksTable() {
        TwoLayerNet net = new TwoLayerNet(5, 4, 3, 0.5, 3);
        TestResult test = runTest("exampleCheck",
                () -> GradientCheck.check(net.checkable(TestTensors.gaussian(4, 1, 2, 5), Labels.indices(0, 2))));
        StepResult check = single(test.getSteps());
        String table = text(attachment(check, "the book's table", "text/plain"));
        for (String key : List.of("W1", "b1", "W2", "b2")) {
            assertTrue(table.contains("\n  " + key + " "), table);
        }
        assertEquals(List.of("W1 (5, 4)", "b1 (4)", "W2 (4, 3)", "b2 (3)"),
                check.getSteps().stream().map(s -> s.getName().replaceAll(":.*", "")).toList());
    }

    @Test
    void baselineComparisonsShowRecordedCurrentAndTheAllowance() {
        CheckId id = CheckId.of("Affine").shape("x", 2, 9).seed(42);
        AllureCheckReporter reporter = new AllureCheckReporter();
        TestResult test = runTest("exampleCheck", () -> {
            reporter.onComparison(new BaselineComparison(id, "W", 1e-13, 1e-13, 5e-11, 4.4e-12, Verdict.SAME, "same"));
            reporter.onComparison(new BaselineComparison(id, "b", 1e-13, 7e-10, 5e-11, 4.4e-12, Verdict.REGRESSED,
                    "grew"));
        });
        assertEquals(List.of("baseline"), labels(test, "story"), "a test that only runs the gate");
        assertEquals(List.of("Affine"), labels(test, "feature"));
        assertEquals("42", parameter(test.getParameters(), "seed"));
        assertEquals(List.of(Status.PASSED, Status.FAILED), test.getSteps().stream().map(StepResult::getStatus).toList());
        StepResult grown = test.getSteps().get(1);
        assertEquals("1.000000e-13", parameter(grown.getParameters(), "recorded mean |A − N|"));
        assertEquals("7.000000e-10", parameter(grown.getParameters(), "current mean |A − N|"));
        assertEquals("5.000000e-11", parameter(grown.getParameters(), "allowed up to"));
        List<String> rows = text(test.getAttachments().get(0)).lines().toList();
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).startsWith("\"Affine/x(2,9),seed=42\",b,1.000000e-13,7.000000e-10,5.000000e-11,"),
                rows.get(2));
        assertTrue(rows.get(2).endsWith(",regressed"), rows.get(2));
    }

    @Test
    void manyChecksInOneTestAreItemisedThenListedThenCountedAndTheLastFailureIsShownInFull() {
        int total = 30;
        TestResult test = runTest("propertyCheck", () -> {
            for (int i = 0; i < total; i++) {
                check(i % 7 == 6 ? new WrongAtOneElement(i % 20, 1e-6) : new Sigmoid());
            }
        });
        List<StepResult> steps = test.getSteps();
        assertEquals(AllureWriter.LISTED + 2, steps.size(), "the listed checks, the last failure in full, the count");
        assertTrue(steps.subList(0, AllureWriter.ITEMISED).stream().allMatch(s -> !s.getSteps().isEmpty()),
                "the first checks in full");
        assertTrue(steps.subList(AllureWriter.ITEMISED, AllureWriter.LISTED).stream().allMatch(s -> s.getSteps().isEmpty()),
                "then one line each");
        StepResult lastFailing = steps.get(AllureWriter.LISTED);
        assertTrue(lastFailing.getName().startsWith("last failing check, in full"), lastFailing.getName());
        assertEquals(Status.FAILED, lastFailing.getStatus());
        assertEquals(Status.FAILED, single(lastFailing.getSteps()).getStatus());
        assertEquals("10 more checks, not listed: 8 passed, 2 failed", steps.get(AllureWriter.LISTED + 1).getName());
        assertEquals(List.of("property"), labels(test, "story"));
    }

    @Test
    void aPropertysTriesAndSeedBecomeParameters() {
        TestResult test = runTest("propertyCheck", () -> AllureSink.current().reportEntry(Map.of("P:p",
                "  |--jqwik--\ntries = 20   | # of calls\nchecks = 20  | #\nseed = 1234 | random seed\n")));
        assertEquals("20", parameter(test.getParameters(), "tries"));
        assertEquals("1234", parameter(test.getParameters(), "seed"));
    }

    @Test
    void aCheckInASetUpFixtureShowsUnderTheFixture() {
        String container = UUID.randomUUID().toString();
        String fixture = UUID.randomUUID().toString();
        lifecycle.startTestContainer(new TestResultContainer().setUuid(container).setName("Tests"));
        lifecycle.startPrepareFixture(container, fixture, new FixtureResult().setName("runTheBooksCheck"));
        check(new Sigmoid());
        lifecycle.stopFixture(fixture);
        lifecycle.stopTestContainer(container);
        lifecycle.writeTestContainer(container);
        FixtureResult written = single(results.containers).getBefores().get(0);
        assertEquals("Sigmoid: gradients match — x (4, 5)", single(written.getSteps()).getName());
        assertTrue(results.tests.isEmpty());
    }

    @Test
    void aCheckOutsideAnyTestIsNotReported() {
        CheckReport report = check(new WrongAtOneElement(1, 1e-6));
        assertTrue(!report.passed());
        assertTrue(results.tests.isEmpty() && results.attachments.isEmpty());
    }

    @Test
    void aCheckWhoseMeanMovedOverBuildsGetsATrendChart() {
        CheckReport report = check(new Sigmoid());
        TestResult moved = runTest("exampleCheck", () -> CheckSteps.full("", report,
                Map.of("x", List.of(1e-13, 2e-13, 2e-13)), t -> false));
        StepResult step = single(moved.getSteps());
        assertEquals("moved over the last 3 builds (chart attached)", parameter(step.getParameters(),
                "mean |A − N| over builds"));
        attachment(step, "mean |A − N| over builds", "image/png");

        TestResult same = runTest("exampleCheck", () -> CheckSteps.full("", report,
                Map.of("x", List.of(2e-13, 2e-13)), t -> false));
        StepResult unchanged = single(same.getSteps());
        assertEquals("bit-identical over the last 2 builds", parameter(unchanged.getParameters(),
                "mean |A − N| over builds"));
        assertTrue(unchanged.getAttachments().stream().noneMatch(a -> a.getType().equals("image/png")));
    }

    /** Runs {@code body} inside an Allure test named after {@code method} of {@link CheckKindTests.Declarations}. */
    private TestResult runTest(String method, Runnable body) {
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(method).setHistoryId("AllureCheckReporterTests-"
                + method).setLabels(new ArrayList<>(List.of(
                new Label().setName("testClass").setValue(CheckKindTests.Declarations.class.getName()),
                new Label().setName("testMethod").setValue(method)))));
        lifecycle.startTestCase(uuid);
        try {
            body.run();
        } finally {
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        }
        return results.tests.stream().filter(t -> t.getUuid().equals(uuid)).findFirst().orElseThrow();
    }

    private static CheckReport check(dev.gradcheck.layers.Layer layer) {
        return GradientCheck.check(Checkable.of(layer, TestTensors.gaussian(3, 1, 4, 5), 3));
    }

    private static List<String> labels(TestResult test, String name) {
        return test.getLabels().stream().filter(l -> l.getName().equals(name)).map(Label::getValue).toList();
    }

    private static String parameter(List<Parameter> parameters, String name) {
        return parameters.stream().filter(p -> p.getName().equals(name)).map(Parameter::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + name + " in "
                        + parameters.stream().map(Parameter::getName).toList()));
    }

    private static Attachment attachment(StepResult step, String name, String type) {
        Optional<Attachment> found = step.getAttachments().stream().filter(a -> a.getName().equals(name)).findFirst();
        assertTrue(found.isPresent(), "no attachment " + name + " in "
                + step.getAttachments().stream().map(Attachment::getName).toList());
        assertEquals(type, found.get().getType());
        return found.get();
    }

    private byte[] bytes(Attachment attachment) {
        return results.attachments.get(attachment.getSource());
    }

    private String text(Attachment attachment) {
        return new String(bytes(attachment), StandardCharsets.UTF_8);
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), "exactly one of " + Stream.of(items).toList());
        return items.get(0);
    }
}
