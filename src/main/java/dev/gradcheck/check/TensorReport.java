package dev.gradcheck.check;

import dev.gradcheck.tensor.Shapes;
import dev.gradcheck.tensor.Tensor;
import java.util.Locale;

/**
 * The comparison of one tensor's analytic gradient A with its numerical gradient N.
 *
 * <p>Metrics are taken over the checked elements (skipped kinks excluded): {@code meanAbsDiff} is
 * the book's figure, mean |A - N|, the one baselines track. The worst element is the one furthest
 * beyond (or closest to) its tolerance, {@code |A - N| / (atol + rtol·|N|)}.
 *
 * @param name            the variable's name ({@code W1}, {@code x})
 * @param kind            input or parameter
 * @param shape           the tensor's shape
 * @param checked         elements compared
 * @param skipped         elements skipped because their ±h interval sits on a kink
 * @param rechecked       elements whose step did not resolve the function (a kink or strong curvature inside
 *                        ±h) and that agreed at a smaller step s, within the rounding allowance grown by h/s
 * @param failures        elements beyond the tolerance
 * @param meanAbsDiff     mean |A - N| over checked elements
 * @param maxAbsDiff      max |A - N|
 * @param maxRelError     max |A - N| / max(|A|, |N|, {@link #RELATIVE_FLOOR})
 * @param worstIndex      flat index of the worst element, -1 if none was checked
 * @param analyticAtWorst A at the worst element
 * @param numericAtWorst  N at the worst element
 * @param nonFiniteIndex  flat index of the first NaN or infinite A or N, -1 if none
 * @param analytic        the analytic gradient
 * @param numeric         the numerical gradient (values of rechecked elements from the smaller step)
 */
public record TensorReport(String name, Variable.Kind kind, int[] shape, int checked, int skipped, int rechecked,
                           int failures, double meanAbsDiff, double maxAbsDiff, double maxRelError,
                           int worstIndex, double analyticAtWorst, double numericAtWorst, int nonFiniteIndex,
                           Tensor analytic, Tensor numeric, double maxSkippedFraction) {

    /** Magnitude below which a gradient counts as zero when forming the relative error. */
    public static final double RELATIVE_FLOOR = 1e-10;

    /** Number of elements. */
    public int elements() {
        return (int) Shapes.size(shape);
    }

    /** Whether every element is finite and within tolerance, and not too many were skipped. */
    public boolean passed() {
        return failures == 0 && nonFiniteIndex < 0 && !tooManySkipped();
    }

    /** Whether more elements were skipped as kinks than the options allow. */
    public boolean tooManySkipped() {
        return skipped > maxSkippedFraction * elements() || checked == 0;
    }

    /** The category of this tensor's failure, or null if it passed. */
    public FailureCategory category() {
        if (nonFiniteIndex >= 0) {
            return FailureCategory.NON_FINITE;
        }
        return passed() ? null : FailureCategory.GRADIENT_MISMATCH;
    }

    /** One line: what failed and where, or the metrics when it passed. */
    public String verdict() {
        if (nonFiniteIndex >= 0) {
            return String.format(Locale.ROOT, "non-finite at %s: analytic %s, numerical %s", index(nonFiniteIndex),
                    analytic.get(nonFiniteIndex), numeric.get(nonFiniteIndex));
        }
        if (failures > 0) {
            return String.format(Locale.ROOT, "%d of %d elements beyond tolerance; worst %s: analytic %.9g, numerical %.9g",
                    failures, checked, index(worstIndex), analyticAtWorst, numericAtWorst);
        }
        if (tooManySkipped()) {
            return String.format(Locale.ROOT, "%d of %d elements sit on kinks: too few left to check "
                    + "(move inputs away from non-differentiable points or use a smaller h)", skipped, elements());
        }
        return rechecked == 0 ? "ok" : "ok (" + rechecked + " near a kink, rechecked at a smaller step)";
    }

    private String index(int flat) {
        return Shapes.formatIndex(shape, flat);
    }
}
