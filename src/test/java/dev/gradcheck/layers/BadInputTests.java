package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Shape mismatches and misuse give exceptions that name the layer, the tensor and the shapes. */
class BadInputTests {

    private final Affine affine = new Affine(Tensor.zeros(4, 3), Tensor.zeros(3));

    @Test
    void affineForwardNamesBothShapesWhenFeaturesDiffer() {
        ShapeException e = assertThrows(ShapeException.class, () -> affine.forward(Tensor.zeros(2, 5)));
        assertEquals("Affine.forward: x has shape (2, 5) (5 features per row) but W has shape (4, 3);"
                + " x's features must equal W's rows", e.getMessage());
    }

    @Test
    void affineBackwardNamesDoutShape() {
        affine.forward(Tensor.zeros(2, 4));
        ShapeException e = assertThrows(ShapeException.class, () -> affine.backward(Tensor.zeros(3, 2)));
        assertEquals("Affine.backward: dout has shape (3, 2) but forward's output had shape (2, 3)", e.getMessage());
    }

    @Test
    void affineRejectsABiasOfTheWrongLength() {
        ShapeException e = assertThrows(ShapeException.class, () -> new Affine(Tensor.zeros(4, 3), Tensor.zeros(4)));
        assertEquals("Affine: b has shape (4) but W has shape (4, 3); b needs one entry per column of W", e.getMessage());
    }

    @Test
    void mulLayerRejectsInputsOfDifferentShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new MulLayer().forward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("MulLayer.forward(x, y): a has shape (2, 3) and b has shape (3, 2); shapes must be equal", e.getMessage());
    }

    @Test
    void reluBackwardNamesDoutShape() {
        Relu relu = new Relu();
        relu.forward(Tensor.zeros(2, 3));
        ShapeException e = assertThrows(ShapeException.class, () -> relu.backward(Tensor.zeros(3, 2)));
        assertEquals("Relu.backward: dout has shape (3, 2) but forward's output had shape (2, 3)", e.getMessage());
    }

    @Test
    void backwardBeforeForwardSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Sigmoid().backward(Tensor.zeros(1)));
        assertEquals("Sigmoid.backward called before forward", e.getMessage());
    }

    @Test
    void softmaxWithLossRejectsALabelOutsideTheClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(2, 3), Labels.indices(0, 3)));
        assertEquals("label at row 1 is 3 but the scores have only 3 classes", e.getMessage());
    }

    @Test
    void softmaxWithLossRejectsAMismatchedLabelCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxWithLoss().forward(Tensor.zeros(2, 3), Labels.indices(0)));
        assertEquals("SoftmaxWithLoss.forward: x has 2 rows but there are 1 labels", e.getMessage());
    }

    @Test
    void oneHotLabelsMustSumToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labels.oneHot(Tensor.matrix(new double[] {1, 0}, new double[] {1, 1})));
        assertEquals("one-hot labels t: row 1 sums to 2.0, not 1", e.getMessage());
    }

    @Test
    void parameterGradientMustMatchItsShape() {
        Parameter W = new Parameter("W", Tensor.zeros(4, 3));
        ShapeException e = assertThrows(ShapeException.class, () -> W.setGrad(Tensor.zeros(3, 4)));
        assertEquals("gradient for W has shape (3, 4) but W has shape (4, 3)", e.getMessage());
    }
}
