package dev.gradcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.report.ElementVerdicts.Verdict;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.support.WrongAtOneElement;
import dev.gradcheck.tensor.Tensor;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The heat map shows where the gradients disagree, marks kinks, and stays small for large tensors. */
class HeatMapTests {

    /** The red of the outline around elements beyond the tolerance. */
    private static final int RED = 0xFF0000;

    /** The black of the cross over a kink. */
    private static final int BLACK = 0x000000;

    @Test
    void anElementBeyondTheToleranceIsOutlinedInRedWhereItIs() {
        CheckReport report = GradientCheck.check(Checkable.of(new WrongAtOneElement(7, 1e-6),
                TestTensors.gaussian(3, 1, 4, 5), 3));
        HeatMap.Rendered map = HeatMap.render(report, report.tensors().get(0));
        Rectangle2D area = map.dataArea();
        Rectangle2D cell = new Rectangle2D.Double(area.getX() + 2 * area.getWidth() / 5, area.getY() + area.getHeight() / 4,
                area.getWidth() / 5, area.getHeight() / 4);
        assertTrue(count(map.image(), cell, RED) > 20, "element (1, 2) is outlined in red");
        assertEquals(count(map.image(), area, RED), count(map.image(), cell, RED), "and no other element");
    }

    @Test
    void aPassingTensorHasNoRedOutline() {
        CheckReport report = GradientCheck.check(Checkable.of(new Sigmoid(), TestTensors.gaussian(3, 1, 4, 5), 3));
        HeatMap.Rendered map = HeatMap.render(report, report.tensors().get(0));
        assertEquals(0, count(map.image(), map.dataArea(), RED));
    }

    @Test
    void kinksTheCheckerSkippedAreCrossed() {
        Tensor x = Tensor.matrix(new double[] {0, 1, -1, 2}, new double[] {0.5, 0, -2, 3});
        CheckReport report = GradientCheck.check(Checkable.of(new Relu(), x, 3));
        ElementVerdicts verdicts = ElementVerdicts.of(report, report.tensors().get(0));
        assertEquals(Verdict.KINK, verdicts.verdict(0));
        assertEquals(Verdict.KINK, verdicts.verdict(5));
        assertEquals(6, verdicts.count(Verdict.OK));
        HeatMap.Rendered map = HeatMap.render(report, report.tensors().get(0));
        Rectangle2D area = map.dataArea();
        Rectangle2D firstCell = new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth() / 4, area.getHeight() / 2);
        assertTrue(count(map.image(), firstCell, BLACK) > 10, "element (0, 0) is crossed in black");
        assertEquals(0, count(map.image(), area, RED));
    }

    @Test
    void aLargeTensorStaysWithinTheSizeCap() throws IOException {
        Affine affine = new Affine(TestTensors.gaussian(1, 0.01, 400, 60), Tensor.zeros(60));
        CheckReport report = GradientCheck.check(Checkable.of(affine, TestTensors.gaussian(2, 1, 1, 400), 3));
        byte[] png = HeatMap.png(report, report.tensor("W").orElseThrow());
        BufferedImage image = decode(png);
        assertTrue(image.getWidth() <= HeatMap.MAX_PLOT + 200 && image.getHeight() <= HeatMap.MAX_PLOT + 160,
                image.getWidth() + " × " + image.getHeight());
        assertTrue(png.length < 250_000, png.length + " bytes");
    }

    @Test
    void aNaNGradientIsDrawnAndCounted() throws IOException {
        CheckReport report = GradientCheck.check(Checkable.of(new WrongAtOneElement(2, Double.NaN),
                TestTensors.gaussian(3, 1, 3, 3), 3));
        ElementVerdicts verdicts = ElementVerdicts.of(report, report.tensors().get(0));
        assertEquals(Verdict.NON_FINITE, verdicts.verdict(2));
        HeatMap.Rendered map = HeatMap.render(report, report.tensors().get(0));
        assertTrue(count(map.image(), map.dataArea(), RED) > 0, "a red disc marks it");
        assertFalse(report.passed());
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "a PNG the JDK can read");
        return image;
    }

    /** Pixels of colour {@code rgb} inside {@code area}. */
    private static int count(BufferedImage image, Rectangle2D area, int rgb) {
        int n = 0;
        for (int y = (int) area.getMinY(); y < (int) Math.ceil(area.getMaxY()); y++) {
            for (int x = (int) area.getMinX(); x < (int) Math.ceil(area.getMaxX()); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
