package dev.gradcheck.layers;

import static dev.gradcheck.support.PropertyAssertions.assertAdditive;
import static dev.gradcheck.support.PropertyAssertions.assertSameBits;
import static dev.gradcheck.testkit.GradCheckArbitraries.binaryLayerCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;
import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;

import dev.gradcheck.support.Baselines;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.support.Upstream;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.BinaryLayerCase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The properties of a two-input element-wise layer (MulLayer, AddLayer) over random shapes and
 * values: gradients for x and y, linearity in dout, deterministic forward, arguments untouched.
 */
abstract class BinaryLayerPropertyContract {

    /** The layer under test; subclasses name it, and broken variants override it to show the properties bite. */
    abstract BinaryLayer newLayer();

    @Provide
    Arbitrary<BinaryLayerCase> cases() {
        return binaryLayerCases(this::newLayer, LayerPropertyContract.MAX_BATCH, LayerPropertyContract.MAX_FEATURES,
                values().between(-3, 3));
    }

    @Provide
    Arbitrary<Upstream<BinaryLayerCase, Tensor>> casesWithDouts() {
        return Upstream.ofTensors(cases(), LayerPropertyContract.MAX_BATCH * LayerPropertyContract.MAX_FEATURES,
                BinaryLayerCase::shape);
    }

    @Property
    void backwardMatchesCentralDifference(@ForAll("cases") BinaryLayerCase c) {
        CheckReport report = assertGradientsMatch(c.checkable());
        Baselines.assertWithinCeilingWhereRecorded(report);
    }

    /** {@code backward(d1 + d2) = backward(d1) + backward(d2)} up to rounding, and {@code backward(2^k·d) = 2^k·backward(d)} exactly. */
    @Property
    void backwardIsLinearInDout(@ForAll("casesWithDouts") Upstream<BinaryLayerCase, Tensor> u) {
        BinaryLayerCase c = u.value();
        BinaryLayer layer = c.layer();
        layer.forward(c.x(), c.y());
        BinaryGradients g1 = layer.backward(u.first());
        BinaryGradients g2 = layer.backward(u.second());
        BinaryGradients g12 = layer.backward(TensorOps.add(u.first(), u.second()));
        BinaryGradients scaled = layer.backward(TensorOps.scale(u.first(), u.factor()));
        assertAdditive("dx", g1.dx(), g2.dx(), g12.dx(), absSum(g1.dx(), g2.dx()));
        assertAdditive("dy", g1.dy(), g2.dy(), g12.dy(), absSum(g1.dy(), g2.dy()));
        assertSameBits("dx of 2^" + u.exponent() + "·dout", TensorOps.scale(g1.dx(), u.factor()), scaled.dx());
        assertSameBits("dy of 2^" + u.exponent() + "·dout", TensorOps.scale(g1.dy(), u.factor()), scaled.dy());
    }

    /** Forward twice, with a backward in between, gives the same bits. */
    @Property
    void forwardTwiceGivesIdenticalBits(@ForAll("casesWithDouts") Upstream<BinaryLayerCase, Tensor> u) {
        BinaryLayerCase c = u.value();
        Tensor first = c.layer().forward(c.x(), c.y());
        c.layer().backward(u.first());
        assertSameBits(c.layer().name() + ".forward(x, y) called again", first, c.layer().forward(c.x(), c.y()));
    }

    /** Forward and backward leave x, y and dout with their bits. */
    @Property
    void forwardAndBackwardModifyNoArgument(@ForAll("casesWithDouts") Upstream<BinaryLayerCase, Tensor> u) {
        BinaryLayerCase c = u.value();
        Tensor x = c.x().copy(), y = c.y().copy(), dout = u.first().copy();
        c.layer().forward(c.x(), c.y());
        c.layer().backward(u.first());
        assertSameBits("x after forward and backward", x, c.x());
        assertSameBits("y after forward and backward", y, c.y());
        assertSameBits("dout after backward", dout, u.first());
    }

    /** |a| + |b|: the magnitude of the terms of an element-wise backward. */
    private static Tensor absSum(Tensor a, Tensor b) {
        return TensorOps.zip(a, b, (p, q) -> Math.abs(p) + Math.abs(q));
    }
}
