package dev.gradcheck.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.gradcheck.baseline.BaselineMode;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The contract's own edges, run through the JUnit Platform as a build runs a contract class: what
 * happens when the test class is wrong (no shapes, an unseeded factory, inputs that ignore the
 * random, a nameless layer, a layer that throws), and recording then comparing baselines.
 */
class LayerContractTests {

    /** An Affine (3, 2) from the given random, at x (2, 3). */
    static class AffineSpecimen implements LayerContract {
        static volatile Path directory;

        @Override
        public Layer createLayer(Random random) {
            return new Affine(RandomTensors.gaussian(Shape.of(3, 2), random), RandomTensors.gaussian(Shape.of(2), random));
        }

        @Override
        public List<Shape> inputShapes() {
            return List.of(Shape.of(2, 3));
        }

        @Override
        public Optional<Path> baselineDirectory() {
            return Optional.of(directory);
        }
    }

    static class NoShapesSpecimen extends AffineSpecimen {
        @Override
        public List<Shape> inputShapes() {
            return List.of();
        }
    }

    static class UnseededSpecimen extends AffineSpecimen {
        @Override
        public Layer createLayer(Random random) {
            return super.createLayer(new Random());
        }
    }

    static class FixedInputSpecimen extends AffineSpecimen {
        @Override
        public Tensor createInput(Shape shape, Random random) {
            return Tensor.matrix(new double[] {1, 2, 3}, new double[] {-1, 0.5, 2});
        }
    }

    static class NamelessSpecimen extends AffineSpecimen {
        @Override
        public Layer createLayer(Random random) {
            return new Layer() {
                private final Relu relu = new Relu();

                @Override
                public Tensor forward(Tensor x) {
                    return relu.forward(x);
                }

                @Override
                public Tensor backward(Tensor dout) {
                    return relu.backward(dout);
                }
            };
        }
    }

    static class ThrowingSpecimen extends AffineSpecimen {
        @Override
        public Layer createLayer(Random random) {
            return new Layer() {
                @Override
                public Tensor forward(Tensor x) {
                    throw new IllegalStateException("not today");
                }

                @Override
                public Tensor backward(Tensor dout) {
                    return dout.copy();
                }
            };
        }
    }

    @TempDir
    Path temp;

    @Test
    void noShapesFailsEveryFactoryAndSaysWhatToGive() {
        Events containers = run(NoShapesSpecimen.class, temp).containerEvents();
        assertEquals(9, containers.failed().count());
        String message = containers.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow().getMessage();
        assertEquals("NoShapesSpecimen.inputShapes() is empty: give at least one shape to check the layer at, "
                + "e.g. List.of(Shape.of(2, 3))", message);
    }

    @Test
    void factoryThatIgnoresItsRandomFailsAsNotDeterministic() {
        Map<String, TestExecutionResult> results = results(run(UnseededSpecimen.class, temp));
        String message = message(results.get("backwardFollowsTheLastForward"));
        assertTrue(message.startsWith("[contract breach] UnseededSpecimen.createLayer is not deterministic: two layers made "
                + "from the same seed differ in W"), message);
    }

    @Test
    void inputsThatIgnoreTheirRandomAbortTheRulesThatNeedASecondPoint() {
        Map<String, TestExecutionResult> results = results(run(FixedInputSpecimen.class, temp));
        assertEquals(Status.ABORTED, results.get("backwardFollowsTheLastForward").getStatus());
        assertEquals(Status.ABORTED, results.get("forwardAndBackwardReturnNewTensors").getStatus());
        assertEquals(Status.SUCCESSFUL, results.get("backwardMatchesCentralDifference").getStatus());
    }

    @Test
    void layerWithoutANameFailsTheBaselineTestSayingToNameIt() {
        Map<String, TestExecutionResult> results = results(run(NamelessSpecimen.class, temp));
        String message = message(results.get("meanAbsDiffDoesNotExceedBaseline"));
        assertTrue(message.startsWith("the layer's name() 'LayerContractTests$NamelessSpecimen$1' names its baseline file "
                + "and must be a letter followed by letters, digits, '_' or '-': override name()"), message);
        results.remove("meanAbsDiffDoesNotExceedBaseline");
        results.forEach((test, r) -> assertEquals(Status.SUCCESSFUL, r.getStatus(), test));
    }

    @Test
    void layerThatThrowsFailsEveryTestAsALayerErrorNamingTheStep() {
        Map<String, TestExecutionResult> results = results(run(ThrowingSpecimen.class, temp));
        assertEquals(9, results.size());
        results.forEach((test, r) -> assertEquals("[layer error] making the case x (2, 3) (ThrowingSpecimen.createLayer, the "
                + "inputs and one forward) threw IllegalStateException: not today", message(r), test));
    }

    @Test
    void recordingWritesTheBaselinesThatTheNextRunComparesWith() throws Exception {
        String before = System.getProperty(BaselineMode.PROPERTY);
        assumeFalse("record".equals(before), "the comparing half needs a run that does not record");
        Path recorded = temp.resolve("recorded"), missing = temp.resolve("missing");
        System.setProperty(BaselineMode.PROPERTY, "record");
        try {
            assertEquals(Status.SUCCESSFUL, results(run(AffineSpecimen.class, recorded)).get("meanAbsDiffDoesNotExceedBaseline").getStatus());
        } finally {
            if (before == null) {
                System.clearProperty(BaselineMode.PROPERTY);
            } else {
                System.setProperty(BaselineMode.PROPERTY, before);
            }
        }
        List<String> lines = Files.readAllLines(recorded.resolve("Affine.txt"));
        assertEquals(List.of("x(2,3),W(3,2),b(2),seed=42/W", "x(2,3),W(3,2),b(2),seed=42/b", "x(2,3),W(3,2),b(2),seed=42/x"),
                lines.stream().filter(l -> !l.startsWith("#")).map(l -> l.split(" ")[0]).toList());
        Path compared = temp.resolve("compared");
        Files.createDirectories(compared);
        Files.copy(recorded.resolve("Affine.txt"), compared.resolve("Affine.txt"));
        assertEquals(Status.SUCCESSFUL, results(run(AffineSpecimen.class, compared)).get("meanAbsDiffDoesNotExceedBaseline").getStatus());
        String message = message(results(run(AffineSpecimen.class, missing)).get("meanAbsDiffDoesNotExceedBaseline"));
        assertTrue(message.startsWith("[baseline regression] Affine/x(2,3),W(3,2),b(2),seed=42/x: no baseline recorded"), message);
    }

    private static EngineExecutionResults run(Class<?> specimen, Path baselines) {
        AffineSpecimen.directory = baselines;
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(specimen)).execute();
    }

    /** The result of each test, keyed by its factory (every specimen has one input shape). */
    private static Map<String, TestExecutionResult> results(EngineExecutionResults run) {
        Map<String, TestExecutionResult> results = new TreeMap<>();
        run.testEvents().finished().stream().filter(e -> e.getTestDescriptor().isTest()).forEach(e -> results.put(
                e.getTestDescriptor().getUniqueId().getSegments().get(2).getValue().replace("()", ""),
                e.getPayload(TestExecutionResult.class).orElseThrow()));
        return results;
    }

    private static String message(TestExecutionResult result) {
        return result.getThrowable().map(Throwable::getMessage).orElse("(passed)");
    }
}
