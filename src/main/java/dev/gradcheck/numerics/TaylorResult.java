package dev.gradcheck.numerics;

import java.util.Locale;

/**
 * The outcome of a {@link TaylorTest}: the remainders {@code R(t) = |L(x + t·d) - L(x) - t·⟨∇L, d⟩|}
 * on a ladder of steps, the window of steps the slope was fitted on, and the verdict.
 *
 * @param unit      the unit's name
 * @param seed      seed of the random direction d
 * @param steps     the ladder of t, largest first
 * @param remainder R(t) at each step
 * @param threshold the remainder below which R is rounding, not signal
 * @param from      index of the window's largest step; -1 if there was no window
 * @param to        index of the window's smallest step; -1 if there was no window
 * @param slope     slope of log R against log t over the window (Commons Math SimpleRegression); NaN if none
 * @param outcome   the verdict
 * @param problem   what broke the test when the outcome is {@link Outcome#BROKEN}, else null
 */
public record TaylorResult(String unit, long seed, double[] steps, double[] remainder, double threshold, int from, int to,
                           double slope, Outcome outcome, String problem) {

    /** What the remainders show. */
    public enum Outcome {
        /** R falls like t² (or faster) at the smallest steps where it is above rounding: the gradient is right. */
        QUADRATIC(true),
        /** R is rounding at every step: the unit is linear along d and the gradient right along it. */
        LINEAR_ALONG_D(true),
        /** R jumps from rounding at a step (a kink crossed, as Relu's) and is rounding at every step below it. */
        KINK_THEN_LINEAR(true),
        /** R falls more slowly than t² at the smallest steps: a first-order term, so the gradient is wrong. */
        FIRST_ORDER_ERROR(false),
        /** The test could not run: an exception, a non-finite loss, a gradient of the wrong shape, a non-deterministic forward. */
        BROKEN(false);

        private final boolean passes;

        Outcome(boolean passes) {
            this.passes = passes;
        }
    }

    /** Whether the gradient passed the test. */
    public boolean passed() {
        return outcome.passes;
    }

    /** Local convergence rate between step k and k+1: {@code log(R_k / R_{k+1}) / log(t_k / t_{k+1})}. */
    public double rate(int k) {
        return Math.log(remainder[k] / remainder[k + 1]) / Math.log(steps[k] / steps[k + 1]);
    }

    /** The verdict in one line, then the ladder around the window. */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: Taylor remainder test %s (direction seed %d): %s%n",
                unit, passed() ? "passed" : "FAILED", seed, summary()));
        if (outcome == Outcome.BROKEN) {
            return s.toString();
        }
        s.append(String.format(Locale.ROOT, "  %-10s %-11s %-6s%n", "t", "R(t)", "rate"));
        int first = Math.max(0, (from < 0 ? steps.length : from) - 3);
        int last = Math.min(steps.length - 1, (to < 0 ? steps.length - 1 : to) + 2);
        for (int k = first; k <= last; k++) {
            String rate = k + 1 < steps.length && remainder[k + 1] > 0 && remainder[k] > 0
                    ? String.format(Locale.ROOT, "%.2f", rate(k)) : "";
            String mark = k >= from && k <= to ? "  <- fitted" : remainder[k] <= threshold ? "  (rounding)" : "";
            s.append(String.format(Locale.ROOT, "  %-10.3e %-11.3e %-6s%s%n", steps[k], remainder[k], rate, mark));
        }
        return s.toString();
    }

    private String summary() {
        return switch (outcome) {
            case QUADRATIC -> String.format(Locale.ROOT, "R(t) shrinks like t^%.2f, as t² demands of a right gradient", slope);
            case LINEAR_ALONG_D -> String.format(Locale.ROOT, "R(t) is rounding (below %.1e) at every t: linear along d, "
                    + "and the gradient right along it", threshold);
            case KINK_THEN_LINEAR -> String.format(Locale.ROOT, "R(t) jumps from rounding at t = %.3e (a kink crossed) and is "
                    + "rounding at every smaller t: the gradient is right along d", steps[to]);
            case FIRST_ORDER_ERROR -> String.format(Locale.ROOT, "R(t) shrinks like t^%.2f where a right gradient gives t²: "
                    + "backward has a first-order error along d", slope);
            case BROKEN -> problem;
        };
    }
}
