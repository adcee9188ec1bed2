package dev.gradcheck.testkit;

import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import net.jqwik.api.arbitraries.DoubleArbitrary;
import org.apiguardian.api.API;

/**
 * Tensor elements: doubles in [min, max], optionally at least {@code margin} away from 0, with a
 * fixed number of decimals. Built on jqwik's own double arbitraries, so a failing case shrinks
 * toward 0 (or toward ±margin) and toward values with few digits, such as {@code 0.5}.
 *
 * <p>The default number of decimals gives at least three significant digits at the finest scale
 * of interest (the margin if there is one, else the width of the range), and never fewer than
 * four: {@code between(-3, 3)} draws values like {@code -1.2345}; {@code between(-3e-4, 3e-4)}
 * draws values like {@code 1.234567e-4}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ValueArbitrary extends ArbitraryDecorator<Double> {

    /** Fewest decimals chosen automatically. */
    private static final int MIN_DECIMALS = 4;

    /** Smallest and largest value. */
    private final double min, max;

    /** Values in (-margin, margin) are never drawn; 0 draws from the whole range. */
    private final double margin;

    /** Decimals of every value; -1 chooses them from the range and margin. */
    private final int decimals;

    ValueArbitrary(double min, double max, double margin, int decimals) {
        this.min = min;
        this.max = max;
        this.margin = margin;
        this.decimals = decimals;
    }

    /** Values in [min, max]; both finite, {@code min <= max}. */
    public ValueArbitrary between(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("values: range [" + min + ", " + max + "] must be finite with min <= max");
        }
        return new ValueArbitrary(min, max, margin, decimals);
    }

    /** Values with {@code |v| >= margin}, to keep a distance from a kink at 0 (Relu). */
    public ValueArbitrary awayFromZero(double margin) {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("values: margin from zero must be finite and >= 0, got " + margin);
        }
        return new ValueArbitrary(min, max, margin, decimals);
    }

    /** Values with exactly this many decimals (jqwik's {@code ofScale}). */
    public ValueArbitrary ofScale(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("values: decimals must be >= 0, got " + decimals);
        }
        return new ValueArbitrary(min, max, margin, decimals);
    }

    /** The decimals values are drawn with: the chosen ones, or the automatic default. */
    public int decimals() {
        if (decimals >= 0) {
            return decimals;
        }
        double finest = margin > 0 ? Math.min(margin, max - min) : max - min;
        int forResolution = finest > 0 ? 3 - (int) Math.floor(Math.log10(finest)) : 0;
        return Math.max(Math.max(MIN_DECIMALS, forResolution),
                Math.max(decimalsOf(min), Math.max(decimalsOf(max), decimalsOf(margin))));
    }

    @Override
    protected Arbitrary<Double> arbitrary() {
        if (margin == 0 || min >= margin || max <= -margin) {
            return doubles(min, max);
        }
        boolean positive = max >= margin, negative = min <= -margin;
        if (positive && negative) {
            return Arbitraries.oneOf(doubles(Math.max(min, margin), max), doubles(min, Math.min(max, -margin)));
        }
        if (positive) {
            return doubles(Math.max(min, margin), max);
        }
        if (negative) {
            return doubles(min, Math.min(max, -margin));
        }
        throw new IllegalArgumentException("values: no value in [" + min + ", " + max + "] is at least " + margin + " away from 0");
    }

    /** A fresh jqwik arbitrary per range: two ranges derived from one DoubleArbitrary share their bounds. */
    private DoubleArbitrary doubles(double low, double high) {
        return Arbitraries.doubles().ofScale(decimals()).between(low, high);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "values in [%s, %s]%s, %d decimals", min, max,
                margin > 0 ? ", |v| >= " + margin : "", decimals());
    }

    private static int decimalsOf(double v) {
        return Math.max(0, BigDecimal.valueOf(v).stripTrailingZeros().scale());
    }
}
