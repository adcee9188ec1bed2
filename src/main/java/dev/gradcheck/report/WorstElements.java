package dev.gradcheck.report;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.report.ElementVerdicts.Verdict;
import dev.gradcheck.tensor.Shapes;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The elements of one tensor that came closest to (or went furthest beyond) their tolerance, as
 * CSV: index, analytic A, numerical N, |A - N|, the allowed |A - N| and their ratio; NaN and
 * infinite elements first, and the kinks the checker skipped after them.
 */
public final class WorstElements {

    private WorstElements() {
    }

    /** At most {@code limit} worst elements of {@code tensor}, then at most {@code limit} kinks. */
    public static String csv(CheckReport report, TensorReport tensor, int limit) {
        ElementVerdicts elements = ElementVerdicts.of(report, tensor);
        Csv csv = new Csv().row("rank", "element", "analytic A", "numerical N", "|A-N|", "allowed |A-N|",
                "|A-N| / allowed", "verdict");
        int[] worst = IntStream.range(0, elements.size())
                .filter(i -> elements.verdict(i) != Verdict.KINK)
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> elements.verdict(i) != Verdict.NON_FINITE)
                        .thenComparing(Comparator.comparingDouble((Integer i) -> elements.ratio(i)).reversed()))
                .limit(limit).mapToInt(Integer::intValue).toArray();
        int rank = 1;
        for (int i : worst) {
            csv.row(rank++, Shapes.formatIndex(tensor.shape(), i), Csv.number(elements.analytic(i)),
                    Csv.number(elements.numeric(i)), Csv.number(elements.absDiff(i)), Csv.number(elements.allowed(i)),
                    String.format(Locale.ROOT, "%.3g", elements.ratio(i)), describe(elements.verdict(i)));
        }
        IntStream.of(tensor.kinkIndices()).limit(limit).forEach(i -> csv.row("kink", Shapes.formatIndex(tensor.shape(), i),
                Csv.number(elements.analytic(i)), Csv.number(elements.numeric(i)), Csv.number(elements.absDiff(i)),
                Csv.number(elements.allowed(i)), "", describe(Verdict.KINK)));
        return csv.toString();
    }

    private static String describe(Verdict verdict) {
        return switch (verdict) {
            case OK -> "ok";
            case BEYOND -> "beyond tolerance";
            case KINK -> "kink, skipped (no derivative)";
            case NON_FINITE -> "non-finite";
        };
    }
}
