package dev.gradcheck.report;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.report.ElementVerdicts.Verdict;
import dev.gradcheck.tensor.Shapes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A heat map of |A - N| per element of one checked tensor, as a PNG: log10 |A - N| in the viridis
 * colours with a colour-scale legend (at most {@link #DECADES} decades below the largest, smaller
 * ones in the lowest colour, kinks' meaningless differences in the highest), exact zeros in light grey, elements beyond the tolerance outlined in
 * red, kinks the checker skipped crossed, NaN and infinite values as red discs. The tensor is laid
 * out by {@link TensorGrid}, tiles separated by white lines. The plot area is at most
 * {@link #MAX_PLOT} pixels square whatever the tensor's size.
 */
public final class HeatMap {

    /** Largest width or height of the plot area, in pixels. */
    public static final int MAX_PLOT = 560;

    /** Decades of |A - N| the colours span. */
    public static final int DECADES = 8;

    /** Pixels per element of a small tensor. */
    private static final int CELL = 28;

    /** Colour of elements whose |A - N| is exactly 0 (common: a zero input row gives exact zeros). */
    private static final Color ZERO = new Color(0xDDDDDD);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private HeatMap() {
    }

    /** The heat map of {@code tensor}, one of the tensors of {@code report}. */
    public static byte[] png(CheckReport report, TensorReport tensor) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(report, tensor).image(), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the heat map of " + tensor.name(), e);
        }
        return png.toByteArray();
    }

    /** The drawn heat map and where its plot area (the cells) lies in it. */
    record Rendered(BufferedImage image, Rectangle2D dataArea) {
    }

    static Rendered render(CheckReport report, TensorReport tensor) {
        ElementVerdicts elements = ElementVerdicts.of(report, tensor);
        TensorGrid grid = TensorGrid.of(tensor.shape());
        int plotWidth = Math.min(MAX_PLOT, Math.max(220, grid.cols() * CELL));
        int plotHeight = Math.min(MAX_PLOT, Math.max(40, grid.rows() * CELL));
        double cell = Math.min((double) plotWidth / grid.cols(), (double) plotHeight / grid.rows());
        JFreeChart chart = chart(report.unit(), elements, grid, Math.max(8, Math.min(36, 0.7 * cell)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(plotWidth + 190, plotHeight + 150, BufferedImage.TYPE_INT_RGB, info);
        return new Rendered(image, info.getPlotInfo().getDataArea());
    }

    /** The chart; marks are {@code mark} pixels wide. */
    private static JFreeChart chart(String unit, ElementVerdicts elements, TensorGrid grid, double mark) {
        TensorReport tensor = elements.tensor();
        double[] range = logRange(elements);
        ViridisScale scale = new ViridisScale(range[0], range[1]);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(new ZeroAwareScale(scale));
        XYPlot plot = new XYPlot(cells(elements, grid), axis(grid.colLabel(), grid.cols(), false),
                axis(grid.rowLabel(), grid.rows(), true), blocks);
        plot.setBackgroundPaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setRangeAxisLocation(AxisLocation.TOP_OR_LEFT);
        tileSeparators(plot, grid);
        XYSeriesCollection marks = marks(elements, grid);
        XYLineAndShapeRenderer markRenderer = markRenderer(marks, mark / 2);
        plot.setDataset(1, marks);
        plot.setRenderer(1, markRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        chart.setTitle(new TextTitle(String.format(Locale.ROOT, "%s / %s %s: |A − N| per element",
                unit, tensor.name(), Shapes.format(tensor.shape())), TITLE));
        chart.addSubtitle(new TextTitle(summary(elements), SMALL));
        chart.addSubtitle(legend(scale));
        if (marks.getSeriesCount() > 0) {
            LegendTitle legend = new LegendTitle(markRenderer);
            legend.setItemFont(SMALL);
            legend.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(legend);
        }
        return chart;
    }

    private static DefaultXYZDataset cells(ElementVerdicts elements, TensorGrid grid) {
        int[] shape = elements.tensor().shape();
        int n = elements.size();
        double[][] xyz = new double[3][n];
        for (int i = 0; i < n; i++) {
            xyz[0][i] = grid.col(shape, i);
            xyz[1][i] = grid.row(shape, i);
            double diff = elements.absDiff(i);
            xyz[2][i] = diff == 0 ? Double.NEGATIVE_INFINITY : Double.isFinite(diff) ? Math.log10(diff) : Double.NaN;
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("|A − N|", xyz);
        return dataset;
    }

    /**
     * Whole decades [lower, upper] of log10 |A - N| over the finite non-zero elements that are not
     * kinks (a kink's difference measures no error): 1 to {@link #DECADES} wide.
     */
    private static double[] logRange(ElementVerdicts elements) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < elements.size(); i++) {
            double diff = elements.absDiff(i);
            if (Double.isFinite(diff) && diff > 0 && elements.verdict(i) != Verdict.KINK) {
                double log = Math.log10(diff);
                lo = Math.min(lo, log);
                hi = Math.max(hi, log);
            }
        }
        if (lo > hi) {
            return new double[] {-17, -16};
        }
        hi = Math.ceil(hi);
        lo = Math.max(Math.floor(lo), hi - DECADES);
        return new double[] {lo, Math.max(hi, lo + 1)};
    }

    /** The colour scale, with exact zeros (log10 = -∞) in grey. */
    private record ZeroAwareScale(ViridisScale scale) implements PaintScale {
        @Override
        public double getLowerBound() {
            return scale.getLowerBound();
        }

        @Override
        public double getUpperBound() {
            return scale.getUpperBound();
        }

        @Override
        public Paint getPaint(double value) {
            return value == Double.NEGATIVE_INFINITY ? ZERO : scale.getPaint(value);
        }
    }

    private static NumberAxis axis(String label, int cells, boolean inverted) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setRange(-0.5, cells - 0.5);
        axis.setInverted(inverted);
        axis.setLabelFont(SMALL);
        axis.setTickLabelFont(SMALL);
        return axis;
    }

    private static void tileSeparators(XYPlot plot, TensorGrid grid) {
        BasicStroke line = new BasicStroke(1.5f);
        for (int c = grid.tileCols(); c < grid.cols(); c += grid.tileCols()) {
            plot.addDomainMarker(new ValueMarker(c - 0.5, Color.WHITE, line));
        }
        for (int r = grid.tileRows(); r < grid.rows(); r += grid.tileRows()) {
            plot.addRangeMarker(new ValueMarker(r - 0.5, Color.WHITE, line));
        }
    }

    /** One series per kind of marked element present: beyond the tolerance, kink, non-finite. */
    private static XYSeriesCollection marks(ElementVerdicts elements, TensorGrid grid) {
        int[] shape = elements.tensor().shape();
        XYSeries beyond = new XYSeries("beyond the tolerance", false);
        XYSeries kinks = new XYSeries("kink, skipped", false);
        XYSeries nonFinite = new XYSeries("NaN or infinite", false);
        for (int i = 0; i < elements.size(); i++) {
            XYSeries series = switch (elements.verdict(i)) {
                case BEYOND -> beyond;
                case KINK -> kinks;
                case NON_FINITE -> nonFinite;
                case OK -> null;
            };
            if (series != null) {
                series.add(grid.col(shape, i), grid.row(shape, i));
            }
        }
        XYSeriesCollection marks = new XYSeriesCollection();
        for (XYSeries s : new XYSeries[] {beyond, kinks, nonFinite}) {
            if (s.getItemCount() > 0) {
                marks.addSeries(s);
            }
        }
        return marks;
    }

    /** Shapes of half-width {@code r} pixels. */
    private static XYLineAndShapeRenderer markRenderer(XYSeriesCollection marks, double r) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < marks.getSeriesCount(); s++) {
            String key = (String) marks.getSeriesKey(s);
            boolean beyond = key.startsWith("beyond");
            boolean kink = key.startsWith("kink");
            renderer.setSeriesShape(s, kink ? cross(r * 0.8) : beyond ? new Rectangle2D.Double(-r, -r, 2 * r, 2 * r)
                    : new Ellipse2D.Double(-r * 0.7, -r * 0.7, 1.4 * r, 1.4 * r));
            renderer.setSeriesPaint(s, kink ? Color.BLACK : Color.RED);
            renderer.setSeriesShapesFilled(s, !beyond && !kink);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesOutlineStroke(s, new BasicStroke(2f));
        }
        renderer.setUseOutlinePaint(false);
        renderer.setDrawOutlines(true);
        return renderer;
    }

    private static Shape cross(double r) {
        Path2D.Double x = new Path2D.Double();
        x.moveTo(-r, -r);
        x.lineTo(r, r);
        x.moveTo(-r, r);
        x.lineTo(r, -r);
        return x;
    }

    private static PaintScaleLegend legend(ViridisScale scale) {
        NumberAxis axis = new NumberAxis("log10 |A − N|");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setLabelFont(SMALL);
        axis.setTickLabelFont(SMALL);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 12, 4, 4);
        legend.setStripWidth(14);
        legend.setSubdivisionCount(64);
        return legend;
    }

    private static String summary(ElementVerdicts elements) {
        TensorReport t = elements.tensor();
        int zeros = 0;
        for (int i = 0; i < elements.size(); i++) {
            zeros += elements.absDiff(i) == 0 ? 1 : 0;
        }
        return String.format(Locale.ROOT, "mean %.3e, max %.3e; %d of %d beyond the tolerance, %d kinks skipped%s%s",
                t.meanAbsDiff(), t.maxAbsDiff(), elements.count(Verdict.BEYOND), elements.size(),
                elements.count(Verdict.KINK), elements.count(Verdict.NON_FINITE) > 0
                        ? ", " + elements.count(Verdict.NON_FINITE) + " non-finite" : "",
                zeros > 0 ? "; " + zeros + " exactly 0 (grey)" : "");
    }
}
