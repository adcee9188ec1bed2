package dev.gradcheck.testkit;

import static dev.gradcheck.testkit.GradCheckArbitraries.affineCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.batches;
import static dev.gradcheck.testkit.GradCheckArbitraries.classIndices;
import static dev.gradcheck.testkit.GradCheckArbitraries.netCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.oneHotLabels;
import static dev.gradcheck.testkit.GradCheckArbitraries.shapes;
import static dev.gradcheck.testkit.GradCheckArbitraries.sizes;
import static dev.gradcheck.testkit.GradCheckArbitraries.tensors;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.support.PropertyRun;
import dev.gradcheck.tensor.Tensor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's arbitraries generate what they promise, reject bad ranges by name, and shrink to the smallest case. */
class GradCheckArbitrariesTests {

    /** A property that fails for any element >= 1: its smallest counterexample is one element equal to 1. */
    static class NoElementReachesOneSpecimen {
        @Provide
        Arbitrary<Tensor> tensors() {
            return GradCheckArbitraries.tensors(4, 6, values().between(-3, 3));
        }

        @Property
        void noElementReachesOne(@ForAll("tensors") Tensor x) {
            for (double v : x.data()) {
                if (v >= 1) {
                    throw new AssertionError("element " + v + " >= 1");
                }
            }
        }
    }

    @TempDir
    Path database;

    @Test
    void sizesRunFromOneToTheMax() {
        Set<Integer> seen = sample(sizes(5), 500).stream().collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4, 5), seen);
    }

    @Test
    void shapesIncludeOneAndNonSquare() {
        List<Shape> all = sample(shapes(4, 6), 500);
        assertTrue(all.stream().allMatch(s -> s.dim(0) >= 1 && s.dim(0) <= 4 && s.dim(1) >= 1 && s.dim(1) <= 6));
        assertTrue(all.contains(Shape.of(1, 1)));
        assertTrue(all.stream().anyMatch(s -> s.dim(0) != s.dim(1)));
    }

    @Test
    void valuesStayInTheRangeAndAwayFromZeroOnBothSides() {
        List<Double> all = sample(values().between(-3, 3).awayFromZero(1e-2), 2000);
        assertTrue(all.stream().allMatch(v -> v >= -3 && v <= 3 && Math.abs(v) >= 1e-2), all.toString());
        assertTrue(all.stream().anyMatch(v -> v > 0), "positive values are drawn");
        assertTrue(all.stream().anyMatch(v -> v < 0), "negative values are drawn");
    }

    @Test
    void valuesHaveThreeSignificantDigitsAtTheFinestScaleByDefault() {
        assertEquals(4, values().between(-3, 3).decimals());
        assertEquals(5, values().between(-3, 3).awayFromZero(1e-2).decimals());
        assertEquals(7, values().between(-3e-4, 3e-4).decimals());
        assertEquals(2, values().between(-3, 3).ofScale(2).decimals());
        assertTrue(sample(values().between(-3e-4, 3e-4), 500).stream().allMatch(v -> decimals(v) <= 7));
        assertTrue(sample(values().between(-3e-4, 3e-4), 500).stream().anyMatch(v -> v != 0 && Math.abs(v) < 1e-4));
    }

    @Test
    void badRangesNameTheProblem() {
        assertEquals("values: range [2.0, 1.0] must be finite with min <= max",
                assertThrows(IllegalArgumentException.class, () -> values().between(2, 1)).getMessage());
        assertEquals("values: margin from zero must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> values().awayFromZero(-1)).getMessage());
        assertEquals("values: no value in [-1.0, 1.0] is at least 2.0 away from 0",
                assertThrows(IllegalArgumentException.class, () -> values().awayFromZero(2).sample()).getMessage());
        assertEquals("sizes: max must be at least 1, got 0", assertThrows(IllegalArgumentException.class, () -> sizes(0)).getMessage());
        assertEquals("axis 1 of shape (2, 0) must be positive", assertThrows(IllegalArgumentException.class, () -> Shape.of(2, 0)).getMessage());
    }

    @Test
    void tensorsHaveTheirShapeAndValuesInRange() {
        for (Tensor t : sample(tensors(Shape.of(2, 3), values().between(-1, 1)), 100)) {
            assertArrayEquals(new int[] {2, 3}, t.shape());
            assertTrue(Arrays.stream(t.data()).allMatch(v -> v >= -1 && v <= 1));
        }
        assertTrue(sample(tensors(3, 5, values()), 300).stream().map(t -> Shape.of(t.shape())).collect(Collectors.toSet()).size() > 10);
    }

    @Test
    void batchesHaveAFixedNumberOfFeaturesAndEveryBatchSize() {
        List<Tensor> xs = sample(batches(4, 3, values().between(-1, 1)), 300);
        assertTrue(xs.stream().allMatch(t -> t.rank() == 2 && t.dim(1) == 3), "a batch without 3 features");
        assertEquals(Set.of(1, 2, 3, 4), xs.stream().map(t -> t.dim(0)).collect(Collectors.toSet()));
        assertThrows(IllegalArgumentException.class, () -> batches(4, 0, values()));
    }

    @Test
    void labelsAreClassIndicesOrTheirOneHotRows() {
        for (int[] c : sample(classIndices(4, 3), 100)) {
            assertEquals(4, c.length);
            assertTrue(Arrays.stream(c).allMatch(k -> k >= 0 && k < 3));
        }
        for (Tensor t : sample(oneHotLabels(4, 3), 100)) {
            for (int r = 0; r < 4; r++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    assertTrue(t.get(r, c) == 0 || t.get(r, c) == 1);
                    sum += t.get(r, c);
                }
                assertEquals(1, sum);
            }
        }
    }

    @Test
    void affineCasesHaveMatchingShapes() {
        for (LayerCase c : sample(affineCases(Affine::new, 3, 4, 5, values()), 200)) {
            Tensor W = c.layer().parameters().get(0).value(), b = c.layer().parameters().get(1).value();
            assertEquals(c.x().dim(1), W.dim(0));
            assertEquals(W.dim(1), b.dim(0));
            assertEquals(Shape.of(c.x().dim(0), b.dim(0)), c.outputShape());
        }
    }

    @Test
    void netCasesHoldTheGeneratedWeightsAndLabelsWithinTheOutput() {
        for (NetCase c : sample(netCases(3, 4, 5, 3, values(), values()), 100)) {
            int out = c.net().params().get("b2").value().dim(0);
            assertEquals(c.x().dim(0), c.classes().length);
            assertTrue(Arrays.stream(c.classes()).allMatch(k -> k >= 0 && k < out));
            assertEquals(c.x().dim(1), c.net().params().get("W1").value().dim(0));
            assertTrue(Arrays.stream(c.net().params().get("W1").value().data()).allMatch(v -> v >= -1 && v <= 1));
        }
    }

    @Test
    void aCaseShowsEveryShapeAndValue() {
        LayerCase relu = new LayerCase(new Relu(), Tensor.matrix(new double[] {0.5, -1}, new double[] {0, 2}), 3);
        assertEquals("Relu: x (2, 2) [[0.5, -1.0], [0.0, 2.0]], projection seed 3", relu.toString());
        LayerCase affine = new LayerCase(new Affine(Tensor.matrix(new double[] {0.25}, new double[] {0}), Tensor.vector(1)),
                Tensor.matrix(new double[] {0.5, -1}), 0);
        assertEquals("Affine: x (1, 2) [[0.5, -1.0]], W (2, 1) [[0.25], [0.0]], b (1) [1.0], projection seed 0", affine.toString());
    }

    @Test
    void aNetCaseMeasuresItsDistanceFromTheKinks() {
        NetCase c = sample(netCases(2, 2, 2, 2, values(), values()), 1).get(0);
        Tensor W1 = c.net().params().get("W1").value(), b1 = c.net().params().get("b1").value();
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < c.x().dim(0); r++) {
            for (int j = 0; j < W1.dim(1); j++) {
                double pre = b1.get(j);
                for (int k = 0; k < W1.dim(0); k++) {
                    pre += c.x().get(r, k) * W1.get(k, j);
                }
                min = Math.min(min, Math.abs(pre));
            }
        }
        assertEquals(min, c.kinkDistance(), 1e-15);
    }

    @Test
    void aFailingTensorShrinksToOneElementWithTheSimplestValue() {
        PropertyRun run = PropertyRun.of(NoElementReachesOneSpecimen.class, "noElementReachesOne", database.resolve("db"), Map.of());
        assertEquals("Tensor(1, 1) [[1.0]]", run.shrunkSample(), run.report());
    }

    private static <T> List<T> sample(Arbitrary<T> arbitrary, int count) {
        return arbitrary.sampleStream().limit(count).toList();
    }

    private static int decimals(double v) {
        return Math.max(0, BigDecimal.valueOf(v).stripTrailingZeros().scale());
    }
}
