package dev.gradcheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.baseline.BaselineComparison.Verdict;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.support.BaselineSummary;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's verdicts against a baseline directory of the test's own: growth fails, equal or smaller passes, nothing is rewritten silently. */
class BaselineGateTests {

    private static final CheckId ID = CheckId.of("Affine").shape("x", 3, 4).shape("W", 4, 2).seed(7);

    @TempDir
    Path dir;

    private static CheckReport affineReport() {
        Affine affine = new Affine(TestTensors.gaussian(8, 0.5, 4, 2), TestTensors.gaussian(9, 0.5, 2));
        return GradientCheck.check(Checkable.of(affine, TestTensors.gaussian(7, 1, 3, 4), 7));
    }

    private BaselineGate gate(BaselineMode mode) {
        return new BaselineGate(new BaselineStore(dir), mode);
    }

    /** Writes baselines for {@code report} with every recorded mean set to {@code f(mean, roundingUnit)}. */
    private void recordEdited(CheckReport report, java.util.function.DoubleBinaryOperator f) throws IOException {
        List<Baseline> lines = report.tensors().stream().map(t -> new Baseline(ID.key(t.name()),
                f.applyAsDouble(t.meanAbsDiff(), report.roundingUnit()), t.maxAbsDiff(), t.checked(), report.options().h(),
                report.lossScale())).toList();
        Files.writeString(dir.resolve("Affine.txt"), BaselineFile.format("Affine", lines));
    }

    @Test
    void equalMeanPasses() throws IOException {
        CheckReport report = affineReport();
        recordEdited(report, (mean, unit) -> mean);
        List<BaselineComparison> comparisons = gate(BaselineMode.COMPARE).verify(ID, report);
        assertEquals(List.of("x", "W", "b"), comparisons.stream().map(BaselineComparison::tensor).toList());
        comparisons.forEach(c -> assertEquals(Verdict.SAME, c.verdict()));
        comparisons.forEach(c -> assertEquals(1.0, c.ratio()));
    }

    @Test
    void growthWithinTheAllowancePasses() throws IOException {
        CheckReport report = affineReport();
        recordEdited(report, (mean, unit) -> mean);
        CheckReport grown = withMeans(report, m -> m + 9.5 * report.roundingUnit());
        gate(BaselineMode.COMPARE).verify(ID, grown).forEach(c -> assertEquals(Verdict.WITHIN_ALLOWANCE, c.verdict()));
    }

    @Test
    void growthBeyondTheAllowanceFailsNamingEveryGrownTensor() throws IOException {
        CheckReport report = affineReport();
        recordEdited(report, (mean, unit) -> mean);
        CheckReport grown = withMeans(report, m -> m + 10.5 * report.roundingUnit());
        AssertionError e = assertThrows(AssertionError.class, () -> gate(BaselineMode.COMPARE).verify(ID, grown));
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(3, lines.size(), e.getMessage());
        assertTrue(lines.get(0).startsWith("[baseline regression] Affine/x(3,4),W(4,2),seed=7/x: mean |A - N| grew beyond"),
                e.getMessage());
        assertTrue(lines.get(1).startsWith("  Affine/x(3,4),W(4,2),seed=7/W: "), e.getMessage());
        assertTrue(lines.get(2).contains("+10.5 rounding units"), e.getMessage());
    }

    @Test
    void shrunkMeanPassesAsAnOpportunityToTightenAndIsNotRewritten() throws IOException {
        CheckReport report = affineReport();
        recordEdited(report, (mean, unit) -> 2 * mean);
        Path file = dir.resolve("Affine.txt");
        String before = Files.readString(file);

        List<BaselineComparison> comparisons = gate(BaselineMode.COMPARE).verify(ID, report);
        comparisons.forEach(c -> assertEquals(Verdict.SHRANK, c.verdict()));
        comparisons.forEach(c -> assertEquals(0.5, c.ratio(), 1e-15));
        assertTrue(comparisons.get(0).message().contains("tighten the baseline by recording"), comparisons.get(0).message());
        assertEquals(before, Files.readString(file));
    }

    @Test
    void missingBaselineFailsAndSaysHowToRecord() throws IOException {
        CheckReport report = affineReport();
        recordEdited(report, (mean, unit) -> mean);
        CheckId other = CheckId.of("Affine").shape("x", 3, 4).shape("W", 4, 2).seed(8);
        AssertionError e = assertThrows(AssertionError.class, () -> gate(BaselineMode.COMPARE).verify(other, report));
        assertTrue(e.getMessage().startsWith("[baseline regression] Affine/x(3,4),W(4,2),seed=8/x: no baseline recorded"),
                e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B verify -Dgradcheck.baselines=record"), e.getMessage());
        assertFalse(Files.readString(dir.resolve("Affine.txt")).contains("seed=8"), "a plain run never writes");
    }

    @Test
    void missingFileFailsAndCreatesNothing() {
        assertThrows(AssertionError.class, () -> gate(BaselineMode.COMPARE).verify(ID, affineReport()));
        assertFalse(Files.exists(dir.resolve("Affine.txt")));
    }

    @Test
    void changedStepFailsAsNotComparable() throws IOException {
        CheckReport report = affineReport();
        recordEdited(report, (mean, unit) -> mean);
        CheckReport smallerStep = GradientCheck.check(Checkable.of(new Affine(TestTensors.gaussian(8, 0.5, 4, 2),
                TestTensors.gaussian(9, 0.5, 2)), TestTensors.gaussian(7, 1, 3, 4), 7), report.options().withH(1e-5));
        AssertionError e = assertThrows(AssertionError.class, () -> gate(BaselineMode.COMPARE).verify(ID, smallerStep));
        assertTrue(e.getMessage().contains("recorded at h = 1.0E-4 but checked at h = 1.0E-5"), e.getMessage());
    }

    @Test
    void corruptFileFailsAPlainRunNamingFileAndLineAndIsLeftAlone() throws IOException {
        Path file = dir.resolve("Affine.txt");
        String corrupt = "# gradcheck baselines: Affine\nx(3,4),W(4,2),seed=7/x mean=1e-12 max=1e-12 n=three h=1e-4 scale=1\n";
        Files.writeString(file, corrupt);
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> gate(BaselineMode.COMPARE).verify(ID, affineReport()));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("Affine.txt:2: n is not a whole number: 'three'"), e.getMessage());
        assertEquals(corrupt, Files.readString(file));
    }

    @Test
    void recordModeWritesThenCompareModeFindsTheSameValues() throws IOException {
        CheckReport report = affineReport();
        List<BaselineComparison> recorded = gate(BaselineMode.RECORD).verify(ID, report);
        recorded.forEach(c -> assertEquals(Verdict.RECORDED, c.verdict()));
        assertTrue(Files.readString(dir.resolve("Affine.txt")).contains("x(3,4),W(4,2),seed=7/W mean="));

        gate(BaselineMode.COMPARE).verify(ID, affineReport()).forEach(c -> assertEquals(Verdict.SAME, c.verdict()));
    }

    @Test
    void recordModeRefusesAFailingCheck() {
        Tensor x = Tensor.matrix(new double[] {-1, 2, -3, 4});
        CheckReport failing = GradientCheck.check(Checkable.of(new dev.gradcheck.layers.Layer() {
            private final Relu relu = new Relu();
            @Override public Tensor forward(Tensor in) {
                return relu.forward(in);
            }
            @Override public Tensor backward(Tensor dout) {
                return dout.copy();
            }
        }, x, 7));
        assertFalse(failing.passed());
        AssertionError e = assertThrows(AssertionError.class,
                () -> gate(BaselineMode.RECORD).verify(CheckId.of("Relu").shape("x", 1, 4).seed(7), failing));
        assertTrue(e.getMessage().startsWith("[gradient mismatch] Relu/x(1,4),seed=7: not recording"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("Relu.txt")));
    }

    @Test
    void reportWithoutLossScaleIsRejected() {
        CheckReport report = affineReport();
        CheckReport unknown = new CheckReport(report.unit(), report.options(), report.tensors(), report.problems());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gate(BaselineMode.COMPARE).verify(ID, unknown));
        assertTrue(e.getMessage().contains("carries no loss scale"), e.getMessage());
    }

    @Test
    void ceilingComesFromTheRecordedCasesInRoundingUnits() throws IOException {
        BaselineStore store = new BaselineStore(dir);
        store.record("Affine", List.of(new Baseline("a/W", 1e-12, 1e-12, 1, 1e-4, 1.0), new Baseline("b/W", 2e-12, 1e-12, 1, 1e-4, 1.0),
                new Baseline("c/W", 4e-12, 1e-12, 1, 1e-4, 2.0), new Baseline("d/W", 0, 0, 1, 1e-4, 0)));
        BaselineCeiling ceiling = BaselineCeiling.derive("Affine", "W", store.entries("Affine").values());
        double unitAt1 = Math.ulp(1.0) / 1e-4;
        assertEquals(4, ceiling.cases());
        assertEquals(2e-12 / unitAt1, ceiling.largestUnits(), 1e-12, "b/W: 2e-12 at S = 1 is the largest in units");
        assertEquals(10 * ceiling.largestUnits() + 10, ceiling.ceilingUnits(), 1e-12);
        assertTrue(ceiling.allows(ceiling.ceilingUnits() * unitAt1, unitAt1));
        assertFalse(ceiling.allows(Math.nextUp(ceiling.ceilingUnits() * unitAt1 * (1 + 1e-12)), unitAt1));
        assertEquals(null, BaselineCeiling.derive("Affine", "x", store.entries("Affine").values()), "no x recorded");
    }

    @Test
    void propertyCheckWithinTheCeilingPassesAndAboveItFails() throws IOException {
        CheckReport report = affineReport();
        BaselineStore store = new BaselineStore(dir);
        for (String c : List.of("a", "b", "c", "d")) {
            store.record("Affine", report.tensors().stream().map(t -> new Baseline(c + "/" + t.name(),
                    t.meanAbsDiff(), t.maxAbsDiff(), t.checked(), 1e-4, report.lossScale())).toList());
        }
        gate(BaselineMode.COMPARE).verifyCeiling("Affine", report)
                .forEach(c -> assertEquals(Verdict.WITHIN_ALLOWANCE, c.verdict(), c.message()));

        CheckReport grown = withMeans(report, m -> 20 * m + 11 * report.roundingUnit());
        AssertionError e = assertThrows(AssertionError.class, () -> gate(BaselineMode.COMPARE).verifyCeiling("Affine", grown));
        assertTrue(e.getMessage().startsWith("[baseline regression] Affine/x: mean |A - N| "), e.getMessage());
        assertTrue(e.getMessage().contains("above the ceiling"), e.getMessage());
    }

    @Test
    void propertyCheckOfAUnitWithTooFewRecordedCasesFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> gate(BaselineMode.COMPARE).verifyCeiling("Affine", affineReport()));
        assertTrue(e.getMessage().contains("fewer than 4 recorded cases"), e.getMessage());
    }

    @Test
    void listenersSeeEveryComparisonBeforeTheGateFails() throws IOException {
        CheckReport report = affineReport();
        recordEdited(report, (mean, unit) -> mean);
        CheckReport grown = withMeans(report, m -> m + 11 * report.roundingUnit());
        List<BaselineComparison> seen = new CopyOnWriteArrayList<>();
        BaselineGate listened = new BaselineGate(new BaselineStore(dir), BaselineMode.COMPARE, List.of(seen::add));
        assertThrows(AssertionError.class, () -> listened.verify(ID, grown));
        assertEquals(List.of("x", "W", "b"), seen.stream().map(BaselineComparison::tensor).toList());
        seen.forEach(c -> assertEquals(Verdict.REGRESSED, c.verdict()));
    }

    @Test
    void standardGateTellsTheListenersFoundByServiceLoader() {
        assertTrue(BaselineGate.standard().listeners().stream().anyMatch(l -> l instanceof BaselineSummary),
                "src/test/resources/META-INF/services registers BaselineSummary");
    }

    @Test
    void modeComesFromTheSystemPropertyAndATypoFails() {
        String saved = System.getProperty(BaselineMode.PROPERTY);
        try {
            System.clearProperty(BaselineMode.PROPERTY);
            assertEquals(BaselineMode.COMPARE, BaselineMode.fromSystemProperty());
            System.setProperty(BaselineMode.PROPERTY, "record");
            assertEquals(BaselineMode.RECORD, BaselineMode.fromSystemProperty());
            System.setProperty(BaselineMode.PROPERTY, "recrod");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, BaselineMode::fromSystemProperty);
            assertTrue(e.getMessage().startsWith("-Dgradcheck.baselines=recrod: expected 'record'"), e.getMessage());
        } finally {
            if (saved == null) {
                System.clearProperty(BaselineMode.PROPERTY);
            } else {
                System.setProperty(BaselineMode.PROPERTY, saved);
            }
        }
    }

    private static CheckReport withMeans(CheckReport r, DoubleUnaryOperator f) {
        List<TensorReport> tensors = r.tensors().stream().map(t -> new TensorReport(t.name(), t.kind(), t.shape(), t.checked(),
                t.skipped(), t.rechecked(), t.failures(), f.applyAsDouble(t.meanAbsDiff()), t.maxAbsDiff(), t.maxRelError(),
                t.worstIndex(), t.analyticAtWorst(), t.numericAtWorst(), t.nonFiniteIndex(), t.analytic(), t.numeric(),
                t.maxSkippedFraction())).toList();
        return new CheckReport(r.unit(), r.options(), r.lossScale(), tensors, r.problems());
    }
}
