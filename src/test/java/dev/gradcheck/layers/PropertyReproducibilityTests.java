package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.PropertyRun;
import dev.gradcheck.testkit.GradCheckAssertions;
import dev.gradcheck.testkit.LayerCase;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README promises about a failing property: its report gives the seed, the shrunk case and
 * the checker's worst element, and rerunning it (by the stored seed, by the stored sample, or with
 * the seed written into {@code @Property}) reproduces the same failure.
 */
class PropertyReproducibilityTests {

    /** The broken Relu's gradient property, with the seed pinned as the README shows. */
    static class PinnedSeedSpecimen extends BrokenLayerPropertiesTests.ReluWrongWherePositiveSpecimen {
        @Property(seed = "20240607")
        void pinnedBackwardMatchesCentralDifference(@ForAll("cases") LayerCase c) {
            GradCheckAssertions.assertGradientsMatch(c.checkable());
        }
    }

    private static final Class<?> BROKEN = BrokenLayerPropertiesTests.ReluWrongWherePositiveSpecimen.class;

    @TempDir
    Path dir;

    @Test
    void aFailureReportsSeedShrunkCaseAndWorstElement() {
        PropertyRun run = PropertyRun.of(BROKEN, "backwardMatchesCentralDifference", dir.resolve("db"), Map.of());
        assertTrue(run.report().contains("seed = " + run.seed() + " "), run.report());
        assertEquals("ReluWrongWherePositive: x (1, 1) [[0.01]], projection seed 0", run.shrunkSample(), run.report());
        assertTrue(run.message().contains("worst (0, 0): analytic -0.0435246243, numerical -0.0434811432"), run.report());
    }

    @Test
    void rerunningWithThePreviousSeedReproducesTheFailure() {
        Map<String, String> previousSeed = Map.of("jqwik.failures.after.default", "PREVIOUS_SEED");
        PropertyRun first = PropertyRun.of(BROKEN, "backwardMatchesCentralDifference", dir.resolve("db"), previousSeed);
        PropertyRun second = PropertyRun.of(BROKEN, "backwardMatchesCentralDifference", dir.resolve("db"), previousSeed);
        assertEquals(first.seed(), second.seed());
        assertEquals(first.originalSample(), second.originalSample());
        assertEquals(first.shrunkSample(), second.shrunkSample());
        assertEquals(first.message(), second.message());
    }

    @Test
    void theNextRunTriesTheShrunkSampleFirst() {
        PropertyRun first = PropertyRun.of(BROKEN, "backwardMatchesCentralDifference", dir.resolve("db"), Map.of());
        PropertyRun second = PropertyRun.of(BROKEN, "backwardMatchesCentralDifference", dir.resolve("db"), Map.of());
        assertEquals(1, second.tries(), second.report());
        assertEquals(first.shrunkSample(), second.shrunkSample());
        assertEquals(first.message(), second.message());
    }

    @Test
    void aSeedWrittenIntoThePropertyGivesTheSameCaseOnEveryRun() {
        Map<String, String> noDatabase = Map.of("jqwik.failures.after.default", "RANDOM_SEED");
        PropertyRun first = PropertyRun.of(PinnedSeedSpecimen.class, "pinnedBackwardMatchesCentralDifference", dir.resolve("a"), noDatabase);
        PropertyRun second = PropertyRun.of(PinnedSeedSpecimen.class, "pinnedBackwardMatchesCentralDifference", dir.resolve("b"), noDatabase);
        assertEquals(20240607L, first.seed());
        assertEquals(first.seed(), second.seed());
        assertEquals(first.tries(), second.tries());
        assertEquals(first.originalSample(), second.originalSample());
        assertEquals(first.shrunkSample(), second.shrunkSample());
        assertEquals(first.message(), second.message());
    }
}
