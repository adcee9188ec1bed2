package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer refuses a backward before its forward and a dout whose shape is not its output's, with
 * a message naming the layer and both shapes; constructors refuse parameters of the wrong shape.
 * (Written to kill the mutation-testing survivors that removed these guards: README, "Mutation testing".)
 */
class LayerProtocolTests {

    /** Each one-input layer and an input it accepts. */
    static Stream<Arguments> layers() {
        Tensor matrix = Tensor.zeros(2, 3);
        Tensor images = Tensor.zeros(1, 1, 2, 2);
        return Stream.of(
                Arguments.of("Relu", (Function<Void, Layer>) v -> new Relu(), matrix),
                Arguments.of("Sigmoid", (Function<Void, Layer>) v -> new Sigmoid(), matrix),
                Arguments.of("Tanh", (Function<Void, Layer>) v -> new Tanh(), matrix),
                Arguments.of("Affine", (Function<Void, Layer>) v -> new Affine(Tensor.zeros(3, 4), Tensor.zeros(4)), matrix),
                Arguments.of("Dropout", (Function<Void, Layer>) v -> new Dropout(0.5, 1), matrix),
                Arguments.of("BatchNormalization",
                        (Function<Void, Layer>) v -> new BatchNormalization(Tensor.vector(1, 1, 1), Tensor.zeros(3)), matrix),
                Arguments.of("Pooling", (Function<Void, Layer>) v -> new Pooling(2, 2, 2, 0), images),
                Arguments.of("Convolution",
                        (Function<Void, Layer>) v -> new Convolution(Tensor.zeros(2, 1, 1, 1), Tensor.zeros(2), 1, 0), images));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardBeforeForwardNamesTheLayer(String name, Function<Void, Layer> layer, Tensor x) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> layer.apply(null).backward(x));
        assertEquals(name + ".backward called before forward", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardRejectsADoutShapedUnlikeTheOutput(String name, Function<Void, Layer> layer, Tensor x) {
        Layer l = layer.apply(null);
        Tensor out = l.forward(x);
        Tensor wrong = Tensor.zeros(out.size() + 1);
        ShapeException e = assertThrows(ShapeException.class, () -> l.backward(wrong));
        assertEquals(name + ".backward: dout has shape (" + (out.size() + 1) + ") but forward's output had shape "
                + out.shapeString(), e.getMessage());
    }

    @Test
    void binaryLayersRefuseBackwardBeforeForwardAndAMisshapedDout() {
        for (BinaryLayer layer : new BinaryLayer[] {new MulLayer(), new AddLayer()}) {
            String name = layer.getClass().getSimpleName();
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> layer.backward(Tensor.zeros(2, 3)));
            assertEquals(name + ".backward called before forward", early.getMessage());
            layer.forward(Tensor.zeros(2, 3), Tensor.zeros(2, 3));
            ShapeException e = assertThrows(ShapeException.class, () -> layer.backward(Tensor.zeros(3, 2)));
            assertEquals(name + ".backward: dout has shape (3, 2) but forward's output had shape (2, 3)", e.getMessage());
        }
    }

    @Test
    void addLayerRejectsInputsOfDifferentShapesNamingItself() {
        ShapeException e = assertThrows(ShapeException.class, () -> new AddLayer().forward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().startsWith("AddLayer.forward(x, y)"), e.getMessage());
    }

    @Test
    void softmaxWithLossRefusesBackwardBeforeForwardAndScoresThatAreNotAMatrix() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SoftmaxWithLoss().backward(1.0));
        assertEquals("SoftmaxWithLoss.backward called before forward", e.getMessage());
        assertThrows(ShapeException.class, () -> new SoftmaxWithLoss().forward(Tensor.vector(1, 2), Labels.indices(0)));
        assertThrows(ShapeException.class, () -> SoftmaxWithLoss.softmax(Tensor.vector(1, 2)));
    }

    @Test
    void layersAreNamedAfterTheirClass() {
        assertEquals("MulLayer", new MulLayer().name());
        assertEquals("AddLayer", new AddLayer().name());
        assertEquals("SoftmaxWithLoss", new SoftmaxWithLoss().name());
        assertEquals("W(2, 3)", new Parameter("W", Tensor.zeros(2, 3)).toString());
    }

    @Test
    void aParameterHasAGradientOnlyAfterBackward() {
        Affine affine = new Affine(Tensor.zeros(3, 4), Tensor.zeros(4));
        assertFalse(affine.parameters().get(0).hasGrad());
        affine.forward(Tensor.zeros(2, 3));
        affine.backward(Tensor.zeros(2, 4));
        assertTrue(affine.parameters().get(0).hasGrad());
    }

    @Test
    void batchNormalizationRefusesParametersOfTheWrongShape() {
        assertThrows(ShapeException.class, () -> new BatchNormalization(Tensor.zeros(3, 1), Tensor.zeros(3)));
        assertThrows(ShapeException.class, () -> new BatchNormalization(Tensor.zeros(3), Tensor.zeros(2)));
        Parameter gamma = new Parameter("gamma", Tensor.zeros(3)), beta = new Parameter("beta", Tensor.zeros(3));
        assertThrows(ShapeException.class, () -> new BatchNormalization(gamma, beta, 0.9, Tensor.zeros(2), Tensor.zeros(3)));
        assertThrows(ShapeException.class, () -> new BatchNormalization(gamma, beta, 0.9, Tensor.zeros(3), Tensor.zeros(2)));
        assertThrows(IllegalArgumentException.class, () -> new BatchNormalization(gamma, beta, -0.1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new BatchNormalization(gamma, beta, 1.1, null, null));
        assertDoesNotThrow(() -> new BatchNormalization(gamma, beta, 0, null, null));
        assertDoesNotThrow(() -> new BatchNormalization(gamma, beta, 1, null, null));
    }

    @Test
    void convolutionRefusesFiltersAndBiasOfTheWrongRank() {
        assertThrows(ShapeException.class, () -> new Convolution(Tensor.zeros(2, 1, 1), Tensor.zeros(2), 1, 0));
        assertThrows(ShapeException.class, () -> new Convolution(Tensor.zeros(2, 1, 1, 1), Tensor.zeros(2, 1), 1, 0));
    }

    @Test
    void dropoutAcceptsRatiosFromZeroUpToButNotIncludingOne() {
        assertDoesNotThrow(() -> new Dropout(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.01, 1));
        assertEquals(0.25, new Dropout(0.25, 1).dropoutRatio());
    }

    @Test
    void labelsRefuseNegativeClassesAndNegativeProbabilities() {
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class, () -> Labels.indices(0, -1));
        assertEquals("label at row 1 is -1; class indices are >= 0", index.getMessage());
        IllegalArgumentException oneHot = assertThrows(IllegalArgumentException.class,
                () -> Labels.oneHot(Tensor.matrix(new double[] {1, 0}, new double[] {1.5, -0.5})));
        assertTrue(oneHot.getMessage().startsWith("one-hot labels t: element (1, 1) is -0.5"), oneHot.getMessage());
    }

    @Test
    void sigmoidsForwardModeTwinStaysFiniteFarFromZero() {
        for (double x : new double[] {-800, 800}) {
            DerivativeStructure y = new Sigmoid().apply(new DerivativeStructure(1, 1, 0, x));
            assertEquals(x > 0 ? 1.0 : 0.0, y.getValue(), "sigmoid(" + x + ")");
            assertEquals(0.0, y.getPartialDerivative(1), "its derivative at " + x);
        }
    }

    @Test
    void oneHotLabelsMustBeAMatrixAndTheClassIsTheFirstLargest() {
        assertThrows(ShapeException.class, () -> Labels.oneHot(Tensor.vector(0, 1)));
        Labels soft = Labels.oneHot(Tensor.matrix(new double[] {0, 0, 1}, new double[] {0.5, 0.5, 0}, new double[] {0.25, 0, 0.75}));
        Consumer<int[]> expect = classes -> {
            for (int r = 0; r < classes.length; r++) {
                assertEquals(classes[r], soft.classOf(r), "row " + r);
            }
        };
        expect.accept(new int[] {2, 0, 2});
        assertEquals(1, Labels.indices(3, 1).classOf(1));
    }
}
