package dev.gradcheck.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The default verdict separates the two populations with room on both sides, in its own units (an
 * element passes at |A - N| / bound <= 1): every correct unit of the catalogue's cases stays within
 * the bound, those whose error is rounding only stay far below it, and every broken unit that the
 * tolerance catches exceeds it by far. Loosening the tolerance tenfold, or tightening its rounding
 * allowance to what rounding-only layers need, turns this red.
 */
class ToleranceMarginTests {

    /** Units linear (or piecewise linear) in each variable: their |A - N| is rounding, no truncation. */
    private static final Set<String> ROUNDING_ONLY = Set.of("MulLayer", "AddLayer", "Relu", "Affine", "ReferenceAffine",
            "Convolution", "Pooling", "Dropout", "Dropout (test mode)", "BatchNormalization (test mode)");

    /** Largest ratio a rounding-only unit may reach: measured 0.0019 (Convolution). */
    private static final double ROUNDING_ONLY_CEILING = 0.01;

    /** Smallest ratio the least visible caught bug may show: measured 312 (dW with a stray 1e-6·W). */
    private static final double BROKEN_FLOOR = 100;

    private static Map<String, ErrorProfile> correct;
    private static Map<String, ErrorProfile> broken;

    @BeforeAll
    static void measure() {
        correct = Populations.correct();
        broken = Populations.broken();
    }

    @Test
    void correctUnitsStayWithinTheBound(TestReporter reporter) {
        Map.Entry<String, ErrorProfile> worst = worst(correct);
        reporter.publishEntry("largest correct ratio", worst.getKey() + ": " + worst.getValue());
        assertTrue(worst.getValue().ratio() <= 1, worst.toString());
    }

    @Test
    void correctUnitsWhoseErrorIsRoundingStayFarBelowTheBound() {
        correct.forEach((unit, p) -> {
            if (ROUNDING_ONLY.contains(unit)) {
                assertTrue(p.ratio() <= ROUNDING_ONLY_CEILING, unit + ": " + p);
            }
        });
    }

    @Test
    void everyBugTheToleranceCatchesIsFarBeyondTheBound(TestReporter reporter) {
        Map.Entry<String, ErrorProfile> least = broken.entrySet().stream()
                .min(Comparator.comparingDouble(e -> e.getValue().ratio())).orElseThrow();
        reporter.publishEntry("least visible caught bug", least.getKey() + ": " + least.getValue());
        assertTrue(least.getValue().ratio() >= BROKEN_FLOOR, least.toString());
    }

    private static Map.Entry<String, ErrorProfile> worst(Map<String, ErrorProfile> profiles) {
        return profiles.entrySet().stream().max(Comparator.comparingDouble(e -> e.getValue().ratio())).orElseThrow();
    }
}
