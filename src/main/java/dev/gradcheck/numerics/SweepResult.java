package dev.gradcheck.numerics;

import dev.gradcheck.check.Stencil;
import java.util.List;
import java.util.Locale;

/**
 * A step-size sweep: for every step h, how far the numerical gradient is from the analytic one.
 * Plotted over h on log-log axes it is a V: truncation (about h^p) on the right, rounding (about
 * ε/h) on the left; {@link SweepChart} draws it.
 *
 * @param unit    the unit's name
 * @param stencil the finite-difference formula swept
 * @param steps   the steps, largest first
 * @param series  one curve per tensor
 */
public record SweepResult(String unit, Stencil stencil, double[] steps, List<SweepSeries> series) {

    public SweepResult {
        series = List.copyOf(series);
    }

    /** The table: one row per step, mean |A - N| and agreeing elements per tensor. */
    public String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-8s", "h"));
        for (SweepSeries t : series) {
            s.append(String.format(Locale.ROOT, " %12s %9s", "mean|A-N| " + t.tensor(), "agree"));
        }
        s.append(System.lineSeparator());
        for (int k = 0; k < steps.length; k++) {
            s.append(String.format(Locale.ROOT, "  %-8.0e", steps[k]));
            for (SweepSeries t : series) {
                s.append(String.format(Locale.ROOT, " %12.3e %9s", t.meanAbsDiff()[k], t.agreeing()[k] + "/" + t.elements().length));
            }
            s.append(System.lineSeparator());
        }
        return s.toString();
    }
}
