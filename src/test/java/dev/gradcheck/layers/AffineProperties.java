package dev.gradcheck.layers;

import static dev.gradcheck.testkit.GradCheckArbitraries.affineCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.LayerCase;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;

/** Affine over random batch, input and output sizes, inputs and parameters: x, W and b. */
class AffineProperties extends LayerPropertyContract {

    /** The layer under test; {@code BrokenLayerPropertiesTests} swaps in broken ones to show the properties bite. */
    Layer newLayer(Tensor W, Tensor b) {
        return new Affine(W, b);
    }

    @Override
    Arbitrary<LayerCase> cases() {
        return affineCases(this::newLayer, MAX_BATCH, MAX_FEATURES, MAX_FEATURES, values().between(-2, 2));
    }

    /** Σ|terms| of dx, dW and db: the correct Affine on |x|, |W|, |b| and |d1| + |d2|. */
    @Override
    Map<String, Tensor> magnitudes(LayerCase c, Tensor d1, Tensor d2, Map<String, Tensor> g1, Map<String, Tensor> g2) {
        Affine twin = new Affine(abs(c.layer().parameters().get(0).value()), abs(c.layer().parameters().get(1).value()));
        twin.forward(abs(c.x()));
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", twin.backward(TensorOps.add(abs(d1), abs(d2))));
        m.put("W", twin.parameters().get(0).grad());
        m.put("b", twin.parameters().get(1).grad());
        return m;
    }

    private static Tensor abs(Tensor t) {
        return TensorOps.map(t, Math::abs);
    }
}
