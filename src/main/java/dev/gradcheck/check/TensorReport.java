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
 * @param numeric         the numerical gradient (values of rechecked elements from the smaller step;
 *                        NaN where no numerical value was computed)
 * @param method          how it was checked: {@code every element}, {@code sampled} or {@code directional}
 *                        (then {@code checked} counts directions and the metrics are those of the
 *                        directional derivatives)
 * @param examined        elements whose numerical gradient was computed
 * @param kinkIndices     flat indices of the {@code skipped} elements, ascending (reports mark them)
 */
public record TensorReport(String name, Variable.Kind kind, int[] shape, int checked, int skipped, int rechecked,
                           int failures, double meanAbsDiff, double maxAbsDiff, double maxRelError,
                           int worstIndex, double analyticAtWorst, double numericAtWorst, int nonFiniteIndex,
                           Tensor analytic, Tensor numeric, double maxSkippedFraction, String method, int examined,
                           int[] kinkIndices) {

    /** Magnitude below which a gradient counts as zero when forming the relative error. */
    public static final double RELATIVE_FLOOR = 1e-10;

    /** {@link #method} of a check of every element. */
    public static final String EVERY_ELEMENT = "every element";

    /** {@link #method} of a check of a sample of elements. */
    public static final String SAMPLED = "sampled";

    /** {@link #method} of a check along random directions. */
    public static final String DIRECTIONAL = "directional";

    /** A report of a check of every element that does not say which elements were skipped. */
    public TensorReport(String name, Variable.Kind kind, int[] shape, int checked, int skipped, int rechecked,
                        int failures, double meanAbsDiff, double maxAbsDiff, double maxRelError,
                        int worstIndex, double analyticAtWorst, double numericAtWorst, int nonFiniteIndex,
                        Tensor analytic, Tensor numeric, double maxSkippedFraction) {
        this(name, kind, shape, checked, skipped, rechecked, failures, meanAbsDiff, maxAbsDiff, maxRelError, worstIndex,
                analyticAtWorst, numericAtWorst, nonFiniteIndex, analytic, numeric, maxSkippedFraction, EVERY_ELEMENT,
                (int) Shapes.size(shape), new int[0]);
    }

    /** A report that does not say which elements were skipped. */
    public TensorReport(String name, Variable.Kind kind, int[] shape, int checked, int skipped, int rechecked,
                        int failures, double meanAbsDiff, double maxAbsDiff, double maxRelError,
                        int worstIndex, double analyticAtWorst, double numericAtWorst, int nonFiniteIndex,
                        Tensor analytic, Tensor numeric, double maxSkippedFraction, String method, int examined) {
        this(name, kind, shape, checked, skipped, rechecked, failures, meanAbsDiff, maxAbsDiff, maxRelError, worstIndex,
                analyticAtWorst, numericAtWorst, nonFiniteIndex, analytic, numeric, maxSkippedFraction, method, examined,
                new int[0]);
    }

    /** Share of the elements whose numerical gradient was computed, from 0 to 1. */
    public double coverage() {
        return (double) examined / elements();
    }

    /** Whether this tensor was checked along directions rather than element by element. */
    public boolean directional() {
        return DIRECTIONAL.equals(method);
    }

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
        return skipped > maxSkippedFraction * (directional() ? checked : examined) || checked == 0;
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
        if (directional()) {
            return failures == 0 ? "ok (" + checked + (checked == 1 ? " direction)" : " directions)")
                    : String.format(Locale.ROOT, "%d of %d directions beyond tolerance; worst: analytic %.9g, numerical %.9g",
                            failures, checked, analyticAtWorst, numericAtWorst);
        }
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
