package dev.gradcheck.layers;

import static dev.gradcheck.testkit.GradCheckArbitraries.layerCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.tensors;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.CaseFormat;
import dev.gradcheck.testkit.LayerCase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Sigmoid over random shapes and values, and its range and stability for inputs up to ±1000. */
class SigmoidProperties extends LayerPropertyContract {

    /**
     * Largest |x| whose sigmoid is strictly inside (0, 1) in double: 1/(1 + e^-36) rounds to 1 - 2^-53;
     * from 37 on, e^-x is below half an ulp of 1 and the output is exactly 1.
     */
    static final double MODERATE = 36;

    /** The layer under test; {@code BrokenLayerPropertiesTests} swaps in broken ones to show the properties bite. */
    Layer newLayer() {
        return new Sigmoid();
    }

    @Override
    Arbitrary<LayerCase> cases() {
        return layerCases(this::newLayer, tensors(MAX_BATCH, MAX_FEATURES, values().between(-8, 8)));
    }

    @Provide
    Arbitrary<Tensor> wideInputs() {
        return tensors(MAX_BATCH, MAX_FEATURES, values().between(-1e3, 1e3));
    }

    @Provide
    Arbitrary<Tensor> moderateInputs() {
        return tensors(MAX_BATCH, MAX_FEATURES, values().between(-MODERATE, MODERATE));
    }

    /** For |x| up to 1e3 the output is in [0, 1] and dx = dout·(1 - y)·y is finite, within [0, |dout|/4]. */
    @Property
    void outputStaysInTheUnitIntervalAndGradientFinite(@ForAll("wideInputs") Tensor x) {
        Layer sigmoid = newLayer();
        Tensor y = sigmoid.forward(x);
        Tensor dx = sigmoid.backward(TensorOps.map(x, v -> 1.0));
        for (int i = 0; i < x.size(); i++) {
            if (!(y.get(i) >= 0 && y.get(i) <= 1) || !(dx.get(i) >= 0 && dx.get(i) <= 0.25)) {
                throw new AssertionError("sigmoid at x = " + x.get(i) + " (element " + x.indexString(i) + " of "
                        + CaseFormat.values(x) + ") gives y = " + y.get(i) + " and dy/dx = " + dx.get(i)
                        + "; expected y in [0, 1] and dy/dx in [0, 0.25]");
            }
        }
    }

    /** For |x| <= 36 the output is strictly inside (0, 1). */
    @Property
    void outputIsStrictlyInsideForModerateInputs(@ForAll("moderateInputs") Tensor x) {
        Tensor y = newLayer().forward(x);
        for (int i = 0; i < x.size(); i++) {
            if (!(y.get(i) > 0 && y.get(i) < 1)) {
                throw new AssertionError("sigmoid at x = " + x.get(i) + " (element " + x.indexString(i) + ") gives "
                        + y.get(i) + "; expected a value strictly inside (0, 1)");
            }
        }
    }
}
