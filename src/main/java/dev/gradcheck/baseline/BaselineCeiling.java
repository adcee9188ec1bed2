package dev.gradcheck.baseline;

import java.util.Collection;
import java.util.Locale;

/**
 * An upper bound on one tensor's mean |A - N| for checks that have no fixed id, such as property
 * checks over random shapes: derived from the unit's recorded baselines of that tensor.
 *
 * <p>Counted in rounding units {@code ulp(S)/h}, so it carries over to any shape and scale of input:
 * {@code ceiling = CEILING_FACTOR · (largest recorded mean in rounding units) + GROWTH_ALLOWANCE}.
 * Derived only from {@link BaselinePolicy#CEILING_MIN_CASES} or more recorded cases.
 *
 * @param unit          the layer or net
 * @param tensor        the tensor's name
 * @param cases         how many recorded cases it is derived from
 * @param largestUnits  the largest recorded mean, in rounding units of its own check
 * @param ceilingUnits  the bound, in rounding units
 */
public record BaselineCeiling(String unit, String tensor, int cases, double largestUnits, double ceilingUnits) {

    /** The ceiling of {@code tensor} over {@code recorded}, all lines of {@code unit}'s file; null if too few cases. */
    static BaselineCeiling derive(String unit, String tensor, Collection<Baseline> recorded) {
        int cases = 0;
        double largest = 0;
        for (Baseline b : recorded) {
            if (b.key().endsWith("/" + tensor)) {
                cases++;
                largest = Math.max(largest, inUnits(b.meanAbsDiff(), b.roundingUnit()));
            }
        }
        if (cases < BaselinePolicy.CEILING_MIN_CASES) {
            return null;
        }
        return new BaselineCeiling(unit, tensor, cases, largest,
                BaselinePolicy.CEILING_FACTOR * largest + BaselinePolicy.GROWTH_ALLOWANCE);
    }

    /** Whether {@code meanAbsDiff} of a check with rounding unit {@code roundingUnit} stays under the ceiling. */
    public boolean allows(double meanAbsDiff, double roundingUnit) {
        return inUnits(meanAbsDiff, roundingUnit) <= ceilingUnits;
    }

    /** The ceiling and where it comes from. */
    public String describe() {
        return String.format(Locale.ROOT, "ceiling %.4g rounding units = %s × %.4g (largest of %d recorded cases of %s/%s) + %s",
                ceilingUnits, trim(BaselinePolicy.CEILING_FACTOR), largestUnits, cases, unit, tensor,
                trim(BaselinePolicy.GROWTH_ALLOWANCE));
    }

    /** {@code mean / unit}; 0 for a mean of 0 even when the unit is 0. */
    static double inUnits(double meanAbsDiff, double roundingUnit) {
        return meanAbsDiff == 0 ? 0 : meanAbsDiff / roundingUnit;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
