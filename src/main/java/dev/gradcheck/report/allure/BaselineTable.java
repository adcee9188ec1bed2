package dev.gradcheck.report.allure;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.report.Csv;
import java.util.List;
import java.util.Locale;

/** The baseline gate's comparisons of one test as CSV: recorded against current mean |A - N| and the allowance. */
final class BaselineTable {

    private BaselineTable() {
    }

    static String csv(List<BaselineComparison> comparisons) {
        Csv csv = new Csv().row("check", "tensor", "recorded mean |A-N|", "current mean |A-N|", "allowed up to",
                "ratio current/recorded", "growth (rounding units)", "verdict");
        for (BaselineComparison c : comparisons) {
            csv.row(c.id().toString(), c.tensor(), Csv.number(c.recorded()), Csv.number(c.current()),
                    Csv.number(c.allowed()), String.format(Locale.ROOT, "%.4g", c.ratio()),
                    String.format(Locale.ROOT, "%+.3g", c.growthInRoundingUnits()),
                    c.verdict().name().toLowerCase(Locale.ROOT));
        }
        return csv.toString();
    }
}
