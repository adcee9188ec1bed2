package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The chapter's worked examples, with the book's exact values. */
class WorkedExamplesTests {

    private static final double EXACT = 1e-12;

    @Test
    void applesGiveTheBooksPriceAndGradients() {
        MulLayer mulAppleLayer = new MulLayer();
        MulLayer mulTaxLayer = new MulLayer();

        Tensor applePrice = mulAppleLayer.forward(Tensor.scalar(100), Tensor.scalar(2));
        Tensor price = mulTaxLayer.forward(applePrice, Tensor.scalar(1.1));
        assertEquals(220, price.get(0), EXACT);

        BinaryGradients tax = mulTaxLayer.backward(Tensor.scalar(1));
        BinaryGradients apple = mulAppleLayer.backward(tax.dx());
        assertEquals(2.2, apple.dx().get(0), EXACT, "dapple");
        assertEquals(110, apple.dy().get(0), EXACT, "dapple_num");
        assertEquals(200, tax.dy().get(0), EXACT, "dtax");
    }

    @Test
    void applesAndOrangesGiveTheBooksPriceAndGradients() {
        MulLayer mulAppleLayer = new MulLayer();
        MulLayer mulOrangeLayer = new MulLayer();
        AddLayer addAppleOrangeLayer = new AddLayer();
        MulLayer mulTaxLayer = new MulLayer();

        Tensor applePrice = mulAppleLayer.forward(Tensor.scalar(100), Tensor.scalar(2));
        Tensor orangePrice = mulOrangeLayer.forward(Tensor.scalar(150), Tensor.scalar(3));
        Tensor allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice);
        Tensor price = mulTaxLayer.forward(allPrice, Tensor.scalar(1.1));
        assertEquals(715, price.get(0), EXACT);

        BinaryGradients tax = mulTaxLayer.backward(Tensor.scalar(1));
        BinaryGradients sum = addAppleOrangeLayer.backward(tax.dx());
        BinaryGradients orange = mulOrangeLayer.backward(sum.dy());
        BinaryGradients apple = mulAppleLayer.backward(sum.dx());
        assertEquals(110, apple.dy().get(0), EXACT, "dapple_num");
        assertEquals(2.2, apple.dx().get(0), EXACT, "dapple");
        assertEquals(3.3, orange.dx().get(0), EXACT, "dorange");
        assertEquals(165, orange.dy().get(0), EXACT, "dorange_num");
        assertEquals(650, tax.dy().get(0), EXACT, "dtax");
    }

    @Test
    void softmaxWithLossSendsBackYMinusT() {
        Tensor scores = Tensor.matrix(new double[] {Math.log(0.3), Math.log(0.2), Math.log(0.5)});
        Tensor t = Tensor.matrix(new double[] {0, 1, 0});
        SoftmaxWithLoss layer = new SoftmaxWithLoss();

        double loss = layer.forward(scores, Labels.oneHot(t));
        assertArrayEquals(new double[] {0.3, 0.2, 0.5}, SoftmaxWithLoss.softmax(scores).data(), EXACT);
        assertEquals(-Math.log(0.2), loss, EXACT);
        assertArrayEquals(new double[] {0.3, -0.8, 0.5}, layer.backward().data(), EXACT);
    }
}
