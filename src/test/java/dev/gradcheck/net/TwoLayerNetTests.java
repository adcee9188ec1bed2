package dev.gradcheck.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.support.Baselines;
import dev.gradcheck.support.Fixtures;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** The book's TwoLayerNet: its structure, and its gradient check on real Fashion-MNIST images. */
class TwoLayerNetTests {

    /** The book's check: TwoLayerNet(784, 50, 10), seed 42, the first 3 test images of the Fashion-MNIST slice. */
    static final CheckId BOOK_CHECK = CheckId.of("TwoLayerNet").with("data", "fashion-mnist-test").shape("x", 3, 784)
            .shape("W1", 784, 50).shape("W2", 50, 10).seed(42);

    private static CheckReport bookCheck;

    @BeforeAll
    static void runTheBooksCheckOnTheFirstThreeTestImages() {
        Dataset images = Fixtures.firstTestImages(3);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 42);
        bookCheck = GradientCheck.check(net.checkable(images.images(), images.labelIndices()));
    }

    @Test
    void bookCheckComparesEveryElementOfEveryParameter() {
        assertEquals(List.of("W1", "b1", "W2", "b2"), bookCheck.tensors().stream().map(TensorReport::name).toList());
        assertEquals(39_760, bookCheck.tensors().stream().mapToInt(t -> t.checked() + t.skipped()).sum());
        assertTrue(bookCheck.passed(), bookCheck.describe());
    }

    @Test
    void bookCheckMeanAbsDiffIsBelowOneInAHundredMillion() {
        for (TensorReport t : bookCheck.tensors()) {
            assertTrue(t.meanAbsDiff() < 1e-8, t.name() + ": mean |A - N| = " + t.meanAbsDiff());
            assertTrue(t.meanAbsDiff() > 0, t.name() + ": a difference of exactly 0 would mean nothing was compared");
        }
    }

    @Test
    void bookCheckMeanAbsDiffDoesNotExceedItsBaseline(TestReporter reporter) {
        List<BaselineComparison> comparisons = Baselines.assertNoRegression(BOOK_CHECK, bookCheck, reporter);
        assertEquals(List.of("W1", "b1", "W2", "b2"), comparisons.stream().map(BaselineComparison::tensor).toList());
    }

    @Test
    void layersAreAffineReluAffineSharingTheParams() {
        TwoLayerNet net = new TwoLayerNet(6, 4, 3, 1);
        assertEquals(List.of("Affine1", "Relu1", "Affine2"), List.copyOf(net.layers().keySet()));
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(net.params().keySet()));
        Affine affine1 = (Affine) net.layers().get("Affine1");
        assertSame(net.params().get("W1"), affine1.parameters().get(0));
        assertArrayEquals(new int[] {6, 4}, net.params().get("W1").value().shape());
        assertArrayEquals(new double[4], net.params().get("b1").value().data());
    }

    @Test
    void weightsFollowTheSeedAndTheStandardDeviation() {
        Tensor w = new TwoLayerNet(784, 50, 10, 42).params().get("W1").value();
        assertTrue(w.sameBits(new TwoLayerNet(784, 50, 10, 42).params().get("W1").value()));
        double sumSquares = 0;
        for (double v : w.data()) {
            sumSquares += v * v;
        }
        assertEquals(0.01, Math.sqrt(sumSquares / w.size()), 0.0005);
    }

    @Test
    void numericalGradientAgreesWithGradient() {
        TwoLayerNet net = new TwoLayerNet(5, 4, 3, 0.5, 3);
        Tensor x = TestTensors.gaussian(4, 1, 2, 5);
        Labels t = Labels.indices(0, 2);
        Map<String, Tensor> numerical = net.numericalGradient(x, t);
        Map<String, Tensor> analytic = net.gradient(x, t);
        for (String key : List.of("W1", "b1", "W2", "b2")) {
            assertArrayEquals(analytic.get(key).data(), numerical.get(key).data(), 1e-8, key);
        }
    }

    @Test
    void accuracyCountsRowsWhoseArgmaxIsTheLabel() {
        TwoLayerNet net = new TwoLayerNet(2, 3, 2, 1.0, 9);
        Tensor x = TestTensors.gaussian(2, 1, 6, 2);
        int[] predicted = dev.gradcheck.tensor.TensorOps.argmaxRows(net.predict(x));
        int[] labels = predicted.clone();
        labels[0] = 1 - labels[0];
        labels[3] = 1 - labels[3];
        assertEquals(4.0 / 6, net.accuracy(x, Labels.indices(labels)), 1e-15);
    }

    @Test
    void predictGivesOneScoreRowPerImage() {
        Dataset images = Fixtures.firstTestImages(5);
        Tensor scores = new TwoLayerNet(784, 50, 10, 42).predict(images.images());
        assertArrayEquals(new int[] {5, 10}, scores.shape());
    }
}
