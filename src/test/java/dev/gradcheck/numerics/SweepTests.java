package dev.gradcheck.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.catalogue.BrokenAffines;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.layers.Tanh;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.GradCheckAssertions;
import dev.gradcheck.testkit.GradientCheckFailure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step-size sweep draws the V, and on a failure tells a real bug from a step that does not resolve the function. */
class SweepTests {

    private static Checkable tanh() {
        return Checkable.of(new Tanh(), TestTensors.gaussian(5, 1, 3, 4), 7);
    }

    private static Checkable affineWithoutTranspose() {
        return Checkable.of(new BrokenAffines.AffineWithoutTranspose(TestTensors.gaussian(2, 1, 3, 3),
                TestTensors.gaussian(3, 1, 3)), TestTensors.gaussian(1, 1, 3, 3), 42);
    }

    @Test
    void sweepOfASmoothLayerIsAV() {
        SweepSeries x = StepSweep.run(tanh(), CheckOptions.defaults()).series().get(0);
        double[] mean = x.meanAbsDiff();
        int bottom = x.bottom();
        assertTrue(bottom >= 3 && bottom <= 6, "bottom at h = 1e-" + (bottom + 1));
        assertTrue(mean[0] > 1e3 * mean[bottom], "truncation on the right: " + mean[0]);
        assertTrue(mean[9] > 1e3 * mean[bottom], "rounding on the left: " + mean[9]);
        assertEquals(12, x.agreeing()[3], "every element agrees at the book's step");
    }

    @Test
    void sweepRestoresEveryElement() {
        Checkable unit = tanh();
        Tensor before = unit.variables().get(0).value().copy();
        StepSweep.run(unit, CheckOptions.defaults());
        assertTrue(unit.variables().get(0).value().sameBits(before));
    }

    @Test
    void aWrongBackwardIsARealBugAtEveryStep() {
        Checkable unit = affineWithoutTranspose();
        Diagnosis diagnosis = Diagnosis.of(unit, GradientCheck.check(unit)).orElseThrow();
        SweepVerdict w = diagnosis.verdict().get(0);
        assertEquals("W", w.tensor());
        assertEquals(SweepVerdict.Kind.REAL_BUG, w.kind());
        assertEquals(w.swept(), w.never());
    }

    @Test
    void aStepThatDoesNotResolveTheFunctionFindsAPlateau() {
        Checkable unit = tanh();
        CheckOptions noRoundingAllowance = CheckOptions.defaults().withH(1e-9).withTolerance(Tolerance.of(1e-12, 1e-7));
        CheckReport report = GradientCheck.check(unit, noRoundingAllowance);
        assertFalse(report.passed());
        SweepVerdict x = Diagnosis.of(unit, report).orElseThrow().verdict().get(0);
        assertEquals(SweepVerdict.Kind.PLATEAU, x.kind(), x.describe());
        assertTrue(x.plateauFrom() >= 1e-5 && x.plateauTo() <= 1e-5, x.describe());
        assertTrue(x.describe().contains("a plateau of agreement, so the step 1.0E-9 does not resolve the function here"),
                x.describe());
    }

    @Test
    void failureMessageCarriesTheSweepAndTheOracle() {
        GradientCheckFailure e = assertThrows(GradientCheckFailure.class, () -> GradCheckAssertions.assertGradientsMatch(
                Checkable.of(new BrokenLayers.SigmoidWithWrongSign(), TestTensors.gaussian(3, 2, 3, 4), 7)));
        assertTrue(e.getMessage().contains("\n  [sweep] x: 12 of 12 rejected elements agree with backward at no step from 1e-1 "
                + "to 1e-10: a real bug in backward"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  [oracle] x: backward is wrong: "), e.getMessage());
        assertTrue(e.diagnosis().orElseThrow().sweep().isPresent());
    }

    @Test
    void aPassingCheckGetsNoDiagnosis() {
        Checkable unit = tanh();
        assertTrue(Diagnosis.of(unit, GradientCheck.check(unit)).isEmpty());
    }

    @Test
    void chartIsAPngOfTheV() throws IOException {
        byte[] png = SweepChart.png(StepSweep.run(tanh(), CheckOptions.defaults()), 1e-4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(SweepChart.WIDTH, image.getWidth());
        assertEquals(SweepChart.HEIGHT, image.getHeight());
    }

    @Test
    void chartIsWrittenWholeOrNotAtAll(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sweep.png");
        SweepChart.write(StepSweep.run(tanh(), CheckOptions.defaults()), 1e-4, file);
        assertTrue(Files.size(file) > 1000);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }
}
