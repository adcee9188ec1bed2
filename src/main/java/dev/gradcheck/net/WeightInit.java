package dev.gradcheck.net;

import java.util.Locale;

/**
 * How initial weights are scaled: each weight is {@code std·N(0, 1)}, with std fixed or set by the
 * layer's fan-in (its number of inputs).
 *
 * <p>The book's choices ({@code common/multi_layer_net.py}, §6.2): a fixed std such as 0.01 (the
 * chapter-5 net's {@code weight_init_std}), Xavier {@code √(1/fanIn)} for sigmoid-like activations,
 * He {@code √(2/fanIn)} for ReLU.
 *
 * @param name  {@code xavier}, {@code he}, or the fixed std as written
 * @param fixed the fixed std, or NaN when the std follows the fan-in
 * @param gain  the factor under the root for fan-in scaling: 1 (Xavier) or 2 (He)
 */
public record WeightInit(String name, double fixed, double gain) {

    /** The chapter-5 net's {@code weight_init_std = 0.01}. */
    public static final WeightInit BOOK = std(0.01);

    /** Xavier (Glorot): std √(1/fanIn). */
    public static final WeightInit XAVIER = new WeightInit("xavier", Double.NaN, 1);

    /** He (Kaiming): std √(2/fanIn). */
    public static final WeightInit HE = new WeightInit("he", Double.NaN, 2);

    public WeightInit {
        if (!Double.isNaN(fixed) && !(fixed > 0 && Double.isFinite(fixed))) {
            throw new IllegalArgumentException("weight init std must be positive and finite, got " + fixed);
        }
    }

    /** A fixed standard deviation for every layer. */
    public static WeightInit std(double std) {
        return new WeightInit(Double.toString(std), std, Double.NaN);
    }

    /** {@code xavier}, {@code he} (case-insensitive), or a positive number taken as a fixed std. */
    public static WeightInit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("xavier")) {
            return XAVIER;
        }
        if (t.equals("he")) {
            return HE;
        }
        double std;
        try {
            std = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("weight init '" + text + "' is neither xavier, he nor a standard deviation such as 0.01");
        }
        return std(std);
    }

    /** The standard deviation for a layer with {@code fanIn} inputs. */
    public double std(int fanIn) {
        return Double.isNaN(fixed) ? Math.sqrt(gain / fanIn) : fixed;
    }

    @Override
    public String toString() {
        return Double.isNaN(fixed) ? name : "std " + name;
    }
}
