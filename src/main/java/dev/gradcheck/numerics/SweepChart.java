package dev.gradcheck.numerics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The V of a {@link SweepResult} as a PNG (JFreeChart): mean |A - N| against the step h, both axes
 * logarithmic, one line per tensor, and a dashed line at the check's own step. Steps where the mean is
 * exactly 0 have no place on a log axis and are left out.
 */
public final class SweepChart {

    /** Width of the PNG in pixels. */
    public static final int WIDTH = 800;

    /** Height of the PNG in pixels. */
    public static final int HEIGHT = 500;

    private SweepChart() {
    }

    /** The chart; {@code checkStep} (if positive) is marked. */
    public static JFreeChart chart(SweepResult sweep, double checkStep) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SweepSeries s : sweep.series()) {
            XYSeries line = new XYSeries(s.tensor() + " (" + s.elements().length + " elements)");
            for (int k = 0; k < sweep.steps().length; k++) {
                if (s.meanAbsDiff()[k] > 0 && Double.isFinite(s.meanAbsDiff()[k])) {
                    line.add(sweep.steps()[k], s.meanAbsDiff()[k]);
                }
            }
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(sweep.unit() + ": step-size sweep, " + sweep.stencil().description(),
                "step h", "mean |A − N|", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis h = new LogAxis("step h");
        h.setBase(10);
        h.setSmallestValue(1e-12);
        h.setTickUnit(new NumberTickUnit(1));
        LogAxis error = new LogAxis("mean |A − N|");
        error.setBase(10);
        error.setSmallestValue(1e-18);
        error.setTickUnit(new NumberTickUnit(1));
        plot.setDomainAxis(h);
        plot.setRangeAxis(error);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        if (checkStep > 0) {
            ValueMarker marker = new ValueMarker(checkStep, Color.DARK_GRAY,
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("check's h");
            plot.addDomainMarker(marker);
        }
        return chart;
    }

    /** The chart as PNG bytes, {@value #WIDTH} × {@value #HEIGHT}. */
    public static byte[] png(SweepResult sweep, double checkStep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(sweep, checkStep), WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the PNG to {@code file} through a temporary file in the same folder, so a failure leaves no half file. */
    public static void write(SweepResult sweep, double checkStep, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, png(sweep, checkStep));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
