package dev.gradcheck.numerics;

/**
 * One tensor's curve in a {@link StepSweep}: at each step h, the mean and max |A - N| over the swept
 * elements and how many of them the check's tolerance accepts.
 *
 * @param tensor      the tensor's name
 * @param elements    flat indices swept
 * @param meanAbsDiff mean |A - N| at each step
 * @param maxAbsDiff  max |A - N| at each step
 * @param agreeing    elements within the tolerance at each step
 * @param agreesAt    for each swept element, at which steps it is within the tolerance
 */
public record SweepSeries(String tensor, int[] elements, double[] meanAbsDiff, double[] maxAbsDiff, int[] agreeing,
                          boolean[][] agreesAt) {

    /** Swept elements that agree at no step at all. */
    public int neverAgreeing() {
        int never = 0;
        for (boolean[] steps : agreesAt) {
            boolean any = false;
            for (boolean agrees : steps) {
                any |= agrees;
            }
            never += any ? 0 : 1;
        }
        return never;
    }

    /** Index of the step with the smallest mean |A - N|: the bottom of the V. */
    public int bottom() {
        int best = 0;
        for (int k = 1; k < meanAbsDiff.length; k++) {
            best = meanAbsDiff[k] < meanAbsDiff[best] ? k : best;
        }
        return best;
    }
}
