package dev.gradcheck.baseline;

/**
 * How much a mean |A - N| may grow before the gate fails, and the ceiling for checks without a
 * recorded baseline. Both are counted in rounding units {@code ulp(S)/h} ({@link Baseline#roundingUnit()}).
 *
 * <p>Measured (README, "Baselines"): refactors that only reorder arithmetic (matrix-product
 * summation order, bias folded into the product, projection summed backwards, softmax as
 * {@code exp(x - lse)}, {@code y(1-y)} as {@code y - y²}, the loss averaged per row) moved the
 * mean of 20,000 random layer and net checks by at most 1.0 unit for a layer and 3.75 units for a
 * net (0.5 on the parameterized checks); the smallest real regressions the gate must catch
 * (Affine's db off by 1e-9, dW scaled by 1 + 1e-6) grew the parameterized checks by at least 27.9
 * units. The allowance sits between them. It does not shrink with the element count: the rounding
 * of a check's elements is correlated (they share the loss): the mean over the 39,200 elements of
 * the net's W1 moved by 0.04 units, 8 times what an allowance of 1 unit / √n would grant.
 */
public final class BaselinePolicy {

    /** A mean may exceed its baseline by this many rounding units {@code ulp(S)/h}. */
    public static final double GROWTH_ALLOWANCE = 10;

    /** A check without a baseline may reach this many times the largest recorded value (in rounding units), plus the allowance. */
    public static final double CEILING_FACTOR = 10;

    /** Fewest recorded cases of a unit's tensor from which a ceiling is derived. */
    public static final int CEILING_MIN_CASES = 4;

    private BaselinePolicy() {
    }

    /** The largest mean that passes against {@code recorded}. */
    public static double allowedMean(Baseline recorded) {
        return recorded.meanAbsDiff() + GROWTH_ALLOWANCE * recorded.roundingUnit();
    }
}
