package dev.gradcheck.layers;

import static dev.gradcheck.support.PropertyAssertions.assertAdditive;
import static dev.gradcheck.support.PropertyAssertions.assertSameBits;
import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;

import dev.gradcheck.support.Baselines;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.support.Upstream;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.LayerCase;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The properties every one-input layer must have, over the cases a subclass generates: backward
 * matches the central difference for x and every parameter, is linear in dout, forward is
 * deterministic, and no argument or parameter is modified.
 */
abstract class LayerPropertyContract {

    /** Largest batch of the generated inputs. */
    static final int MAX_BATCH = 4;

    /** Largest feature size of the generated inputs and parameters. */
    static final int MAX_FEATURES = 6;

    /** The cases the properties run over. */
    @Provide
    abstract Arbitrary<LayerCase> cases();

    @Provide
    Arbitrary<Upstream<LayerCase, Tensor>> casesWithDouts() {
        return Upstream.ofTensors(cases(), MAX_BATCH * MAX_FEATURES, LayerCase::outputShape);
    }

    @Property
    void backwardMatchesCentralDifference(@ForAll("cases") LayerCase c) {
        CheckReport report = assertGradientsMatch(c.checkable());
        Baselines.assertWithinCeilingWhereRecorded(report);
    }

    /** {@code backward(d1 + d2) = backward(d1) + backward(d2)} up to rounding, and {@code backward(2^k·d) = 2^k·backward(d)} exactly. */
    @Property
    void backwardIsLinearInDout(@ForAll("casesWithDouts") Upstream<LayerCase, Tensor> u) {
        LayerCase c = u.value();
        c.layer().forward(c.x());
        Map<String, Tensor> g1 = gradients(c, u.first());
        Map<String, Tensor> g2 = gradients(c, u.second());
        Map<String, Tensor> g12 = gradients(c, TensorOps.add(u.first(), u.second()));
        Map<String, Tensor> scaled = gradients(c, TensorOps.scale(u.first(), u.factor()));
        Map<String, Tensor> magnitudes = magnitudes(c, u.first(), u.second(), g1, g2);
        for (String name : g1.keySet()) {
            assertAdditive("d" + name, g1.get(name), g2.get(name), g12.get(name), magnitudes.get(name));
            assertSameBits("d" + name + " of 2^" + u.exponent() + "·dout", TensorOps.scale(g1.get(name), u.factor()), scaled.get(name));
        }
    }

    /** Forward twice, with a backward in between, gives the same bits. */
    @Property
    void forwardTwiceGivesIdenticalBits(@ForAll("casesWithDouts") Upstream<LayerCase, Tensor> u) {
        LayerCase c = u.value();
        Tensor first = c.layer().forward(c.x());
        c.layer().backward(u.first());
        assertSameBits(c.layer().name() + ".forward(x) called again", first, c.layer().forward(c.x()));
    }

    /** Forward and backward leave x, dout and every parameter with their bits. */
    @Property
    void forwardAndBackwardModifyNoArgument(@ForAll("casesWithDouts") Upstream<LayerCase, Tensor> u) {
        LayerCase c = u.value();
        Tensor x = c.x().copy(), dout = u.first().copy();
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        c.layer().parameters().forEach(p -> parameters.put(p.name(), p.value().copy()));
        c.layer().forward(c.x());
        c.layer().backward(u.first());
        assertSameBits("x after forward and backward", x, c.x());
        assertSameBits("dout after backward", dout, u.first());
        c.layer().parameters().forEach(p -> assertSameBits(p.name() + " after forward and backward", parameters.get(p.name()), p.value()));
    }

    /**
     * A bound on the sum of absolute terms behind each gradient element for dout = d1 + d2. For an
     * element-wise backward (one product per element) it is |g1| + |g2|; layers that sum override it.
     */
    Map<String, Tensor> magnitudes(LayerCase c, Tensor d1, Tensor d2, Map<String, Tensor> g1, Map<String, Tensor> g2) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        g1.forEach((name, g) -> m.put(name, TensorOps.zip(g, g2.get(name), (a, b) -> Math.abs(a) + Math.abs(b))));
        return m;
    }

    /** dx and every parameter's gradient for {@code dout}, after the forward already run. */
    static Map<String, Tensor> gradients(LayerCase c, Tensor dout) {
        Map<String, Tensor> g = new LinkedHashMap<>();
        g.put("x", c.layer().backward(dout));
        c.layer().parameters().forEach(p -> g.put(p.name(), p.grad()));
        return g;
    }
}
