package dev.gradcheck.numerics;

import java.util.Locale;

/**
 * What a sweep of a failed check's rejected elements says about one tensor: a real bug (some element
 * agrees with backward at no step), a plateau (a range of steps at which every element agrees: the
 * check's step did not resolve the function), or no common step.
 *
 * @param tensor       the tensor's name
 * @param kind         the reading
 * @param swept        elements swept
 * @param never        elements that agree at no step
 * @param plateauFrom  largest step of the longest run of steps at which every element agrees; NaN if none
 * @param plateauTo    smallest step of that run; NaN if none
 * @param bottomStep   step at the bottom of the V (smallest mean |A - N|)
 * @param bottomMean   mean |A - N| there: for a real bug, about the size of the error
 * @param checkStep    the check's own step
 */
public record SweepVerdict(String tensor, Kind kind, int swept, int never, double plateauFrom, double plateauTo,
                           double bottomStep, double bottomMean, double checkStep) {

    /** The reading of the sweep. */
    public enum Kind {
        /** Some element agrees at no step from 1e-1 to 1e-10: backward is wrong. */
        REAL_BUG,
        /** Every element agrees over a range of steps: the check's step did not resolve the function. */
        PLATEAU,
        /** Every element agrees at some step, but no one step suits them all. */
        NO_COMMON_STEP
    }

    /** Reads one tensor's curve of a sweep over rejected elements. */
    public static SweepVerdict of(SweepResult sweep, SweepSeries series, double checkStep) {
        double[] steps = sweep.steps();
        int bottom = series.bottom();
        int never = series.neverAgreeing();
        int bestFrom = -1, bestTo = -1;
        for (int k = 0; k < steps.length; k++) {
            if (series.agreeing()[k] == series.elements().length) {
                int from = k;
                while (k + 1 < steps.length && series.agreeing()[k + 1] == series.elements().length) {
                    k++;
                }
                if (bestFrom < 0 || k - from > bestTo - bestFrom) {
                    bestFrom = from;
                    bestTo = k;
                }
            }
        }
        Kind kind = never > 0 ? Kind.REAL_BUG : bestFrom >= 0 ? Kind.PLATEAU : Kind.NO_COMMON_STEP;
        return new SweepVerdict(series.tensor(), kind, series.elements().length, never,
                bestFrom < 0 ? Double.NaN : steps[bestFrom], bestTo < 0 ? Double.NaN : steps[bestTo],
                steps[bottom], series.meanAbsDiff()[bottom], checkStep);
    }

    /** The step in the middle of the plateau (geometric mean of its ends); NaN without a plateau. */
    public double suggestedStep() {
        return kind == Kind.PLATEAU ? Math.sqrt(plateauFrom * plateauTo) : Double.NaN;
    }

    /** One line for a failure message. */
    public String describe() {
        return "[sweep] " + tensor + ": " + switch (kind) {
            case REAL_BUG -> String.format(Locale.ROOT, "%d of %d rejected elements agree with backward at no step from "
                    + "1e-1 to 1e-10: a real bug in backward (closest at h = %.0e, mean |A - N| %.3e)", never, swept,
                    bottomStep, bottomMean);
            case PLATEAU -> String.format(Locale.ROOT, "all %d rejected elements agree with backward at h = %s: a plateau of "
                    + "agreement, so the step %s does not resolve the function here; check at h = %.0e or with a "
                    + "higher-order stencil", swept, range(), checkStep, suggestedStep());
            case NO_COMMON_STEP -> String.format(Locale.ROOT, "each of the %d rejected elements agrees with backward at some "
                    + "step, but no step suits them all: the function is badly scaled for one step", swept);
        };
    }

    private String range() {
        return plateauFrom == plateauTo ? String.format(Locale.ROOT, "%.0e", plateauFrom)
                : String.format(Locale.ROOT, "%.0e … %.0e", plateauFrom, plateauTo);
    }
}
