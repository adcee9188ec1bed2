package dev.gradcheck.baseline;

/**
 * One recorded line of a baseline file: the mean |A - N| a check gave for one tensor, with the
 * context needed to read it (max |A - N|, elements compared, step h, loss scale S).
 *
 * <p>The gate compares a new mean with {@link #meanAbsDiff} in units of {@link #roundingUnit()},
 * {@code ulp(S)/h}: the resolution of the numerical gradient, so the same allowance fits a layer
 * whose loss is 0.5 and a net whose loss is 2.3 (README, "Baselines").
 *
 * @param key         {@code <case>/<tensor>}, see {@link CheckId#key(String)}
 * @param meanAbsDiff mean |A - N| over the compared elements; finite, at least 0
 * @param maxAbsDiff  max |A - N|; finite, at least 0
 * @param elements    elements compared; at least 1
 * @param h           step of the central difference; finite, above 0
 * @param lossScale   magnitude S of the terms summed into the checked scalar; finite, at least 0
 */
public record Baseline(String key, double meanAbsDiff, double maxAbsDiff, int elements, double h, double lossScale) {

    public Baseline {
        requireFinite("mean", meanAbsDiff, 0);
        requireFinite("max", maxAbsDiff, 0);
        requireFinite("scale", lossScale, 0);
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be finite and above 0, got " + h);
        }
        if (elements < 1) {
            throw new IllegalArgumentException("n (elements compared) must be at least 1, got " + elements);
        }
    }

    /** {@code ulp(S)/h}: how far one ulp of rounding in a loss evaluation moves a central difference. */
    public double roundingUnit() {
        return Math.ulp(lossScale) / h;
    }

    private static void requireFinite(String name, double value, double min) {
        if (!Double.isFinite(value) || !(value >= min)) {
            throw new IllegalArgumentException(name + " must be finite and at least " + min + ", got " + value);
        }
    }
}
