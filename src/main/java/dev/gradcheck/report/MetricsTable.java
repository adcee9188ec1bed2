package dev.gradcheck.report;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.tensor.Shapes;
import java.util.Locale;

/** The metrics of every tensor of a check as CSV, one row per tensor: the book's table with every column. */
public final class MetricsTable {

    private MetricsTable() {
    }

    /** The table of {@code report}. */
    public static String csv(CheckReport report) {
        Csv csv = new Csv().row("tensor", "kind", "shape", "elements", "checked", "skipped (kinks)", "rechecked",
                "beyond tolerance", "mean |A-N|", "max |A-N|", "max relative error", "worst element", "A at worst",
                "N at worst", "verdict");
        for (TensorReport t : report.tensors()) {
            csv.row(t.name(), t.kind().name().toLowerCase(Locale.ROOT), Shapes.format(t.shape()),
                    t.elements(), t.checked(), t.skipped(), t.rechecked(), t.failures(),
                    Csv.number(t.meanAbsDiff()), Csv.number(t.maxAbsDiff()), Csv.number(t.maxRelError()),
                    t.worstIndex() < 0 ? "" : Shapes.formatIndex(t.shape(), t.worstIndex()),
                    Csv.number(t.analyticAtWorst()), Csv.number(t.numericAtWorst()), t.verdict());
        }
        return csv.toString();
    }
}
