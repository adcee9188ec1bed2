package dev.gradcheck.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG chart of a training run (JFreeChart): train and test accuracy above, train and test loss
 * below, against the epoch. Written to a temporary file beside the target and moved into place,
 * so a failed write never leaves a half-written or lost chart.
 */
public final class TrainingChart {

    /** Size of the image in pixels. */
    public static final int WIDTH = 900, HEIGHT = 700;

    /** Series colours: train blue, test red. */
    private static final Color TRAIN = new Color(0x1f77b4), TEST = new Color(0xd62728);

    private TrainingChart() {
    }

    /** Fails, naming the path and the problem, unless a chart can be written to {@code png}. */
    public static void requireWritable(Path png) throws IOException {
        String name = png.getFileName() == null ? "" : png.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IOException(png + ": a chart file name must end in .png");
        }
        if (Files.isDirectory(png)) {
            throw new IOException(png + ": is a directory; name the chart's .png file");
        }
        Path dir = png.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IOException(png + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException(png + ": directory " + dir + " is not writable");
        }
    }

    /**
     * Writes the chart of {@code history} to {@code png}, replacing any file there only once the new
     * one is complete. {@code title} names the configuration, {@code source} the data.
     */
    public static void write(TrainingHistory history, String title, String source, Path png) throws IOException {
        requireWritable(png);
        JFreeChart chart = chart(history, title, source);
        Path target = png.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The chart itself: two plots sharing the epoch axis. */
    static JFreeChart chart(TrainingHistory history, String title, String source) {
        XYSeries trainAcc = new XYSeries("train"), testAcc = new XYSeries("test");
        XYSeries trainLoss = new XYSeries("train loss"), testLoss = new XYSeries("test loss");
        for (EpochResult e : history.epochs()) {
            trainAcc.add(e.epoch(), 100 * e.train().accuracy());
            testAcc.add(e.epoch(), 100 * e.test().accuracy());
            trainLoss.add(e.epoch(), e.train().loss());
            testLoss.add(e.epoch(), e.test().loss());
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("epoch"));
        plot.setGap(12);
        plot.add(plot(new XYSeriesCollection(trainAcc), testAcc, "accuracy (%)", false), 1);
        plot.add(plot(new XYSeriesCollection(trainLoss), testLoss, "loss", true), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        EpochResult last = history.last();
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                "after %d iterations: test accuracy %.2f %%, train accuracy %.2f %%",
                last.iterations(), 100 * last.test().accuracy(), 100 * last.train().accuracy())));
        chart.addSubtitle(new TextTitle(source));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot plot(XYSeriesCollection data, XYSeries test, String label, boolean hideLegend) {
        data.addSeries(test);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, TRAIN);
        renderer.setSeriesPaint(1, TEST);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Rectangle2D.Double(-3, -3, 6, 6));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesVisibleInLegend(0, !hideLegend);
        renderer.setSeriesVisibleInLegend(1, !hideLegend);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
