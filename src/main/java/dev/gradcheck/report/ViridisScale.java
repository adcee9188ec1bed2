package dev.gradcheck.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (dark blue for small values through green to yellow for large ones) over
 * [lower, upper]: perceptually uniform and readable in grey and by colour-blind readers.
 */
public final class ViridisScale implements PaintScale {

    /** Nine samples of matplotlib's viridis, evenly spaced; colours between are interpolated. */
    private static final int[] ANCHORS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725
    };

    private final double lower;
    private final double upper;

    /** A scale over [lower, upper]; requires lower < upper. */
    public ViridisScale(double lower, double upper) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("colour scale needs lower < upper, got " + lower + " and " + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
        double position = t * (ANCHORS.length - 1);
        int i = Math.min((int) position, ANCHORS.length - 2);
        double f = position - i;
        return new Color(mix(ANCHORS[i] >> 16, ANCHORS[i + 1] >> 16, f), mix(ANCHORS[i] >> 8, ANCHORS[i + 1] >> 8, f),
                mix(ANCHORS[i], ANCHORS[i + 1], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
