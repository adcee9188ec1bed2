package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.catalogue.BrokenChapter6And7Layers.PoolingToFirstElement;
import dev.gradcheck.layers.Pooling;
import dev.gradcheck.support.PoolingCase;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Max pooling's kinks: where elements of a window tie for the maximum, max is not differentiable.
 * Exact ties are skipped and counted, near ties (within h) are rechecked at a smaller step, and neither
 * hides a wrong backward. Each input is N(0, 1) with its top-left 2 × 2 block raised to about 3, the
 * maximum of every window that touches it.
 */
class PoolingKinkTests {

    private static final double H = CheckOptions.DEFAULT_H;

    /** The top-left 2 × 2 block of a (1, 1, 4, 4) input set to {@code a, b / c, d}; the rest N(0, 1). */
    private static Tensor withBlock(long seed, double a, double b, double c, double d) {
        Tensor x = TestTensors.gaussian(seed, 1, 1, 1, 4, 4);
        x.set(0, a);
        x.set(1, b);
        x.set(4, c);
        x.set(5, d);
        return x;
    }

    @Test
    void exactTiesInAWindowAreSkippedNotFailed() {
        Tensor x = withBlock(1, 3, 3, 3, 3);
        TensorReport dx = GradientCheck.check(Checkable.of(new Pooling(2, 2, 2, 0), x, 1)).tensor("x").orElseThrow();
        assertEquals(4, dx.skipped(), "the four tied elements of the first window");
        assertEquals(0, dx.failures());
        assertTrue(dx.passed(), dx.verdict());
    }

    @Test
    void nearTiesInOverlappingWindowsAreRecheckedAtASmallerStep() {
        Tensor x = withBlock(1, 3, 3 + H / 2, 3 - H / 3, 3 + H / 5);
        TensorReport dx = GradientCheck.check(Checkable.of(new Pooling(2, 2, 1, 0), x, 1)).tensor("x").orElseThrow();
        assertEquals(4, dx.rechecked(), "at h/16 the four values no longer cross, so the difference is exact");
        assertEquals(0, dx.skipped());
        assertTrue(dx.passed(), dx.verdict());
    }

    @Test
    void aConstantInputFailsForLackOfEvidence() {
        Tensor x = TestTensors.uniform(1, 0.5, 0.5, 1, 2, 4, 4);
        CheckReport report = GradientCheck.check(Checkable.of(new Pooling(2, 2, 2, 0), x, 1));
        assertFalse(report.passed(), "every element ties: nothing was checked, so nothing passed");
        assertEquals(32, report.tensor("x").orElseThrow().skipped());
    }

    @Test
    void aPoolingRoutingToTheFirstElementIsCaughtAmongTies() {
        PoolingCase c = new PoolingCase(1, 1, 4, 4, 2, 2, 2, 0);
        Tensor x = withBlock(1, 3, 3, 3, 3);
        TensorReport dx = GradientCheck.check(Checkable.of(new PoolingToFirstElement(c), x, 1)).tensor("x").orElseThrow();
        assertFalse(dx.passed(), "the three untied windows route to the wrong element");
        assertTrue(dx.failures() > 0, dx.verdict());
    }

    /**
     * In overlapping windows an element can tie in two windows at once: its one-sided slopes are then 0
     * and R_A + R_B, while first-on-ties routing gives it R_A alone, which need not lie between them.
     * No derivative exists there, so the element is skipped like any other kink, not failed.
     */
    @Test
    void exactTiesShiftedAcrossOverlappingWindowsAreSkippedAsKinks() {
        Tensor x = withBlock(1, 3, 3, 3, 3);
        TensorReport dx = GradientCheck.check(Checkable.of(new Pooling(2, 2, 1, 0), x, 1)).tensor("x").orElseThrow();
        assertEquals(0, dx.failures(), dx.verdict());
        assertEquals(4, dx.skipped());
        assertTrue(dx.passed(), dx.verdict());
    }
}
