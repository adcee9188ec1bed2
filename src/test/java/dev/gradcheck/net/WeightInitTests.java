package dev.gradcheck.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Initial weight scales: the book's fixed 0.01, Xavier and He by fan-in. */
class WeightInitTests {

    private static double rms(Tensor t) {
        double sum = 0;
        for (double v : t.data()) {
            sum += v * v;
        }
        return Math.sqrt(sum / t.size());
    }

    @Test
    void xavierAndHeScaleByEachLayersFanIn() {
        TwoLayerNet xavier = new TwoLayerNet(784, 100, 10, WeightInit.XAVIER, 1);
        assertEquals(Math.sqrt(1.0 / 784), rms(xavier.params().get("W1").value()), 0.02 * Math.sqrt(1.0 / 784));
        assertEquals(Math.sqrt(1.0 / 100), rms(xavier.params().get("W2").value()), 0.1 * Math.sqrt(1.0 / 100));
        TwoLayerNet he = new TwoLayerNet(784, 100, 10, WeightInit.HE, 1);
        assertEquals(Math.sqrt(2.0 / 784), rms(he.params().get("W1").value()), 0.02 * Math.sqrt(2.0 / 784));
        assertEquals(Math.sqrt(2.0 / 100), rms(he.params().get("W2").value()), 0.1 * Math.sqrt(2.0 / 100));
    }

    @Test
    void theBooksConstructorDrawsTheSameBitsAsAFixedInit() {
        TwoLayerNet book = new TwoLayerNet(784, 50, 10, 42);
        TwoLayerNet fixed = new TwoLayerNet(784, 50, 10, WeightInit.BOOK, 42);
        for (String key : book.params().keySet()) {
            assertTrue(book.params().get(key).value().sameBits(fixed.params().get(key).value()), key);
        }
    }

    @Test
    void parsesNamesAndNumbers() {
        assertEquals(WeightInit.HE, WeightInit.parse("He"));
        assertEquals(WeightInit.XAVIER, WeightInit.parse("xavier"));
        assertEquals(0.05, WeightInit.parse("0.05").std(784));
        assertEquals("std 0.01", WeightInit.BOOK.toString());
    }

    @Test
    void refusesWhatIsNeitherANameNorAPositiveStd() {
        assertEquals("weight init 'glorot' is neither xavier, he nor a standard deviation such as 0.01",
                assertThrows(IllegalArgumentException.class, () -> WeightInit.parse("glorot")).getMessage());
        assertEquals("weight init std must be positive and finite, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> WeightInit.parse("-0.1")).getMessage());
        assertEquals("weight init std must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> WeightInit.std(0.0)).getMessage());
    }
}
