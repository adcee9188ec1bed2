package dev.gradcheck.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A line chart of the mean |A - N| of a check's tensors over the last builds (log scale), as a PNG. */
public final class TrendChart {

    /** Means below this are drawn as this (a log axis has no zero). */
    private static final double FLOOR = 1e-20;

    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private TrendChart() {
    }

    /**
     * The chart of {@code means}: per tensor, its mean in each build, oldest first, the last one
     * this build's.
     */
    public static byte[] png(String title, Map<String, List<Double>> means) {
        XYSeriesCollection series = new XYSeriesCollection();
        int builds = 0;
        for (Map.Entry<String, List<Double>> e : means.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false);
            List<Double> values = e.getValue();
            for (int b = 0; b < values.size(); b++) {
                s.add(b + 1 - values.size(), Math.max(values.get(b), FLOOR));
            }
            builds = Math.max(builds, values.size());
            series.addSeries(s);
        }
        NumberAxis x = new NumberAxis("build (0 = this one)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5 - Math.max(builds, 2), 0.5);
        LogAxis y = new LogAxis("mean |A − N|");
        y.setBase(10);
        y.setSmallestValue(FLOOR);
        for (var axis : List.of(x, y)) {
            axis.setLabelFont(SMALL);
            axis.setTickLabelFont(SMALL);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < series.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(series, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(null, SMALL, plot, true);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, 520, 300);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the trend chart " + title, e);
        }
        return png.toByteArray();
    }
}
