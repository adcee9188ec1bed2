package dev.gradcheck.support;

import dev.gradcheck.tensor.Tensor;
import java.util.Locale;

/**
 * Assertions for the properties that pin layers down beyond their gradients: identical bits, and
 * backward's linearity in dout up to the rounding of the sums it computes.
 */
public final class PropertyAssertions {

    /**
     * Rounding allowed in an additivity check, in units of ε times the magnitude of the summed terms:
     * computing {@code g(d1 + d2)} and {@code g(d1) + g(d2)} each rounds about (n + 2)·ε of it for n
     * terms, and the layers here sum at most 16.
     */
    public static final double ADDITIVITY_ULPS = 64;

    private PropertyAssertions() {
    }

    /** Fails unless {@code actual} has the shape and bits of {@code expected}, naming the first differing element. */
    public static void assertSameBits(String what, Tensor expected, Tensor actual) {
        if (!expected.sameShape(actual)) {
            throw new AssertionError(what + ": shape " + actual.shapeString() + ", expected " + expected.shapeString());
        }
        for (int i = 0; i < expected.size(); i++) {
            if (Double.doubleToRawLongBits(expected.get(i)) != Double.doubleToRawLongBits(actual.get(i))) {
                throw new AssertionError(what + ": element " + expected.indexString(i) + " is " + actual.get(i)
                        + ", expected the bits of " + expected.get(i));
            }
        }
    }

    /** Fails unless the two doubles have the same bits. */
    public static void assertSameBits(String what, double expected, double actual) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            throw new AssertionError(what + ": " + actual + ", expected the bits of " + expected);
        }
    }

    /**
     * Fails unless {@code |g12 - (g1 + g2)| <= ADDITIVITY_ULPS·ε·magnitude} element-wise, where
     * {@code magnitude} bounds the sum of the absolute terms behind each element.
     */
    public static void assertAdditive(String what, Tensor g1, Tensor g2, Tensor g12, Tensor magnitude) {
        for (int i = 0; i < g12.size(); i++) {
            double sum = g1.get(i) + g2.get(i);
            double bound = ADDITIVITY_ULPS * Math.ulp(1.0) * magnitude.get(i);
            if (!(Math.abs(g12.get(i) - sum) <= bound)) {
                throw new AssertionError(String.format(Locale.ROOT,
                        "%s is not additive in dout at %s: backward(dout1 + dout2) = %.17g but backward(dout1) + "
                                + "backward(dout2) = %.17g (allowed rounding %.3g)", what, g12.indexString(i), g12.get(i), sum, bound));
            }
        }
    }
}
