package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** What each layer computes beyond its gradients: values, stability, and leaving arguments alone. */
class LayerBehaviourTests {

    @Test
    void reluZeroesNonPositiveInputsAndTheirGradients() {
        Relu relu = new Relu();
        Tensor out = relu.forward(Tensor.vector(-1, 0, 2));
        assertArrayEquals(new double[] {0, 0, 2}, out.data());
        assertArrayEquals(new double[] {0, 0, 7}, relu.backward(Tensor.vector(5, 6, 7)).data());
    }

    @Test
    void reluBackwardDoesNotModifyDout() {
        Relu relu = new Relu();
        relu.forward(Tensor.vector(-1, 0, 2));
        Tensor dout = Tensor.vector(5, 6, 7);
        Tensor dx = relu.backward(dout);
        assertArrayEquals(new double[] {5, 6, 7}, dout.data(), "the book writes zeros into dout; ours must not");
        assertNotSame(dout.data(), dx.data());
    }

    @Test
    void sigmoidStaysFiniteAtPlusMinusAThousand() {
        Sigmoid sigmoid = new Sigmoid();
        Tensor out = sigmoid.forward(Tensor.vector(-1000, -40, 0, 40, 1000));
        assertArrayEquals(new double[] {0, Sigmoid.sigmoid(-40), 0.5, Sigmoid.sigmoid(40), 1}, out.data());
        assertEquals(1 / (1 + Math.exp(40)), out.get(1), 1e-30);
        Tensor dx = sigmoid.backward(Tensor.vector(1, 1, 1, 1, 1));
        assertEquals(-1, dx.firstNonFinite());
        assertEquals(0.25, dx.get(2));
        assertEquals(0, dx.get(0));
        assertEquals(0, dx.get(4));
    }

    @Test
    void softmaxWithLossIsStableForLargeScores() {
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        Tensor x = Tensor.matrix(new double[] {1000, 0, -1000}, new double[] {1e308, 1e308, 0});
        double loss = layer.forward(x, Labels.indices(2, 0));
        assertTrue(Double.isFinite(loss), "loss " + loss);
        assertEquals((2000 + Math.log(2)) / 2, loss, 1e-9, "row 0 pays 2000 for class 2, row 1 pays log 2");
        assertEquals(-1, layer.backward().firstNonFinite());
    }

    @Test
    void softmaxWithLossGivesSameBitsForOneHotAndIndexLabels() {
        Tensor x = TestTensors.gaussian(7, 3, 4, 5);
        int[] classes = {4, 0, 2, 2};
        SoftmaxWithLoss byIndex = new SoftmaxWithLoss();
        SoftmaxWithLoss byOneHot = new SoftmaxWithLoss();
        double lossIndex = byIndex.forward(x, Labels.indices(classes));
        double lossOneHot = byOneHot.forward(x, Labels.oneHot(Labels.indices(classes).toOneHot(5)));
        assertEquals(Double.doubleToRawLongBits(lossIndex), Double.doubleToRawLongBits(lossOneHot));
        assertTrue(byIndex.backward().sameBits(byOneHot.backward()));
    }

    @Test
    void softmaxWithLossAveragesOverTheBatch() {
        Tensor row = Tensor.matrix(new double[] {1, 2, 3});
        Tensor twice = Tensor.matrix(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        SoftmaxWithLoss one = new SoftmaxWithLoss();
        SoftmaxWithLoss two = new SoftmaxWithLoss();
        assertEquals(one.forward(row, Labels.indices(1)), two.forward(twice, Labels.indices(1, 1)), 1e-15);
        assertEquals(one.backward().get(0) / 2, two.backward().get(0), 1e-15, "dx divides by the batch size");
    }

    @Test
    void affineFlattensImagesAndReshapesDxBack() {
        Tensor images = TestTensors.gaussian(1, 1, 2, 1, 2, 3);
        Affine affine = new Affine(TestTensors.gaussian(2, 1, 6, 4), TestTensors.gaussian(3, 1, 4));
        Tensor out = affine.forward(images);
        assertArrayEquals(new int[] {2, 4}, out.shape());
        Tensor flatOut = new Affine(affine.parameters().get(0).value(), affine.parameters().get(1).value())
                .forward(images.reshape(2, 6));
        assertTrue(out.sameBits(flatOut));
        Tensor dx = affine.backward(TestTensors.gaussian(4, 1, 2, 4));
        assertArrayEquals(new int[] {2, 1, 2, 3}, dx.shape());
    }

    @Test
    void affineComputesXTimesWPlusB() {
        Affine affine = new Affine(Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}),
                Tensor.vector(10, 20));
        Tensor out = affine.forward(Tensor.matrix(new double[] {1, 0, -1}));
        assertArrayEquals(new double[] {1 - 5 + 10, 2 - 6 + 20}, out.data());
        Tensor dx = affine.backward(Tensor.matrix(new double[] {1, 1}));
        assertArrayEquals(new double[] {3, 7, 11}, dx.data());
        assertArrayEquals(new double[] {1, 1, 0, 0, -1, -1}, affine.parameters().get(0).grad().data());
        assertArrayEquals(new double[] {1, 1}, affine.parameters().get(1).grad().data());
    }
}
