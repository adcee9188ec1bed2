package dev.gradcheck.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.gradcheck.baseline.BaselineMode;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.layers.AddLayer;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.layers.MulLayer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.support.SequentialNet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness catches every bug of the catalogue, each with its declared category, and passes every
 * correct layer on the very same cases. Adding an entry that slips through the default checks turns
 * the build red.
 */
class BrokenLayerCatalogueTests {

    /** The floor for the catalogue's size. */
    private static final int AT_LEAST = 30;

    @BeforeEach
    void notWhileRecording() {
        assumeFalse(BaselineMode.fromSystemProperty() == BaselineMode.RECORD,
                "compares with the committed baselines, which a recording run is rewriting");
    }

    static Stream<Fault> catalogue() {
        return BrokenLayerCatalogue.all().stream();
    }

    /** The correct layers and nets on the cases the catalogue uses. */
    static Stream<Arguments> correctUnits() {
        return Stream.of(
                Arguments.of("Affine", StandardCases.affine(Affine::new)),
                Arguments.of("ReferenceAffine", StandardCases.affine(ReferenceAffine::new)),
                Arguments.of("Relu", StandardCases.relu(Relu::new)),
                Arguments.of("Sigmoid", StandardCases.sigmoid(Sigmoid::new)),
                Arguments.of("MulLayer", StandardCases.mulLayer(MulLayer::new)),
                Arguments.of("AddLayer", StandardCases.addLayer(AddLayer::new)),
                Arguments.of("SoftmaxWithLoss", StandardCases.softmaxWithLoss(SoftmaxWithLoss::new)),
                Arguments.of("TwoLayerNet", StandardCases.smallNets(init -> init)),
                Arguments.of("LayeredNet", StandardCases.smallNets(BrokenNets.LayeredNet::new)),
                Arguments.of("trained SequentialNet", StandardCases.trainedNets(init -> SequentialNet.twoLayer("TwoLayerNet",
                        init, Affine::new, new Relu()))),
                Arguments.of("Convolution", StandardCases.convolution((c, seed) -> c.layer(seed))),
                Arguments.of("Pooling", StandardCases.pooling(c -> c.layer())),
                Arguments.of("BatchNormalization", StandardCases.batchNormalization((c, seed) -> c.layer(seed))),
                Arguments.of("BatchNormalization (test mode)", StandardCases.batchNormalizationInTestMode(
                        BatchNormalization::inTestMode)),
                Arguments.of("Dropout", StandardCases.dropout((c, seed) -> c.layer(seed))),
                Arguments.of("Dropout (test mode)", StandardCases.dropoutInTestMode(Dropout::inTestMode)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyBugIsCaughtWithItsCategory(Fault fault) {
        List<DefaultChecks.Failure> failures = fault.cases().stream().map(DefaultChecks::run).flatMap(Optional::stream)
                .toList();
        assertFalse(failures.isEmpty(), fault.name() + " slipped through the default checks on all "
                + fault.cases().size() + " cases: " + fault.cases());
        for (DefaultChecks.Failure f : failures) {
            assertEquals(fault.category(), f.category(), fault.name() + " failed as " + f.category() + ":\n" + f.message());
        }
        assertTrue(failures.get(0).message().contains(fault.symptom()),
                fault.name() + ": expected '" + fault.symptom() + "' in\n" + failures.get(0).message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctUnits")
    void correctUnitsPassEveryCaseOfTheCatalogue(String unit, List<CheckCase> cases) {
        for (CheckCase c : cases) {
            Optional<DefaultChecks.Failure> failure = DefaultChecks.run(c);
            assertTrue(failure.isEmpty(), () -> c + " failed:\n" + failure.get().message());
        }
    }

    @Test
    void catalogueHoldsAtLeastThirtyBugsInEveryCategory(TestReporter reporter) {
        List<Fault> all = BrokenLayerCatalogue.all();
        assertTrue(all.size() >= AT_LEAST, all.size() + " entries");
        assertEquals(all.size(), all.stream().map(Fault::name).distinct().count(), "every bug has its own name");
        Map<FailureCategory, Integer> counts = new EnumMap<>(FailureCategory.class);
        all.forEach(f -> counts.merge(f.category(), 1, Integer::sum));
        for (FailureCategory category : FailureCategory.values()) {
            assertTrue(counts.getOrDefault(category, 0) > 0, "no entry fails as " + category);
        }
        reporter.publishEntry("catalogue", all.size() + " entries: " + counts);
    }
}
