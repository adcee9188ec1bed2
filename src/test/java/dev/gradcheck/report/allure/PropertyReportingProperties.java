package dev.gradcheck.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.testkit.GradCheckAssertions;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A jqwik property, reported by the same listener as every JUnit check: the report files it under
 * its layer with the story {@code property}, with jqwik's tries and seed as parameters.
 */
class PropertyReportingProperties {

    @Property(tries = 20)
    void sigmoidBackwardMatchesCentralDifferenceOnRandomShapes(@ForAll @IntRange(min = 1, max = 6) int rows,
                                                               @ForAll @IntRange(min = 1, max = 6) int cols,
                                                               @ForAll long seed) {
        CheckReport report = GradCheckAssertions.assertGradientsMatch(
                Checkable.of(new Sigmoid(), TestTensors.gaussian(seed, 3, rows, cols), seed));
        assertEquals(rows * cols, report.tensors().get(0).checked(), "every element compared");
    }
}
