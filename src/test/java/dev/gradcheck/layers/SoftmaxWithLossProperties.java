package dev.gradcheck.layers;

import static dev.gradcheck.support.PropertyAssertions.assertAdditive;
import static dev.gradcheck.support.PropertyAssertions.assertSameBits;
import static dev.gradcheck.testkit.GradCheckArbitraries.lossLayerCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.tensors;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;
import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;

import dev.gradcheck.support.Baselines;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.support.Upstream;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.CaseFormat;
import dev.gradcheck.testkit.LossLayerCase;
import dev.gradcheck.testkit.Shape;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SoftmaxWithLoss over random batch sizes, class counts, scores and labels: the gradient, linearity
 * in dout, determinism, one-hot and index labels alike, and softmax's normalisation and shift
 * invariance.
 */
class SoftmaxWithLossProperties {

    /** Largest batch. */
    static final int MAX_BATCH = 4;

    /** Largest number of classes. */
    static final int MAX_CLASSES = 6;

    /** Largest |constant| added to a row: big enough that a softmax without the max subtraction overflows. */
    static final double MAX_SHIFT = 1e3;

    /** Scores x (batch, classes) and one constant per row to add to them. */
    record ShiftedScores(Tensor x, Tensor shifts) {
        @Override
        public String toString() {
            return CaseFormat.named("x", x) + ", " + CaseFormat.named("row shifts", shifts);
        }
    }

    /** The layer under test; {@code BrokenLayerPropertiesTests} swaps in broken ones to show the properties bite. */
    LossLayer newLayer() {
        return new SoftmaxWithLoss();
    }

    /** The softmax under test. */
    Tensor softmax(Tensor x) {
        return SoftmaxWithLoss.softmax(x);
    }

    @Provide
    Arbitrary<LossLayerCase> cases() {
        return lossLayerCases(this::newLayer, MAX_BATCH, MAX_CLASSES, values().between(-10, 10));
    }

    @Provide
    Arbitrary<Upstream<LossLayerCase, Double>> casesWithDouts() {
        return Upstream.ofScalars(cases());
    }

    @Provide
    Arbitrary<Tensor> wideScores() {
        return tensors(MAX_BATCH, MAX_CLASSES, values().between(-1e3, 1e3));
    }

    @Provide
    Arbitrary<ShiftedScores> shiftedScores() {
        return Combinators.combine(tensors(MAX_BATCH, MAX_CLASSES, values().between(-10, 10)),
                tensors(Shape.of(MAX_BATCH), values().between(-MAX_SHIFT, MAX_SHIFT)))
                .as((x, shifts) -> new ShiftedScores(x, cut(shifts, x.dim(0))));
    }

    @Property
    void backwardMatchesCentralDifference(@ForAll("cases") LossLayerCase c) {
        CheckReport report = assertGradientsMatch(c.checkable());
        Baselines.assertWithinCeilingWhereRecorded(report);
    }

    /** {@code backward(a + b) = backward(a) + backward(b)} up to rounding, and {@code backward(2^k·a) = 2^k·backward(a)} exactly. */
    @Property
    void backwardIsLinearInDout(@ForAll("casesWithDouts") Upstream<LossLayerCase, Double> u) {
        LossLayer layer = u.value().layer();
        layer.forward(u.value().x(), u.value().indexLabels());
        Tensor g1 = layer.backward(u.first());
        Tensor g2 = layer.backward(u.second());
        Tensor g12 = layer.backward(u.first() + u.second());
        Tensor scaled = layer.backward(u.factor() * u.first());
        assertAdditive("dx", g1, g2, g12, TensorOps.zip(g1, g2, (a, b) -> Math.abs(a) + Math.abs(b)));
        assertSameBits("dx of 2^" + u.exponent() + "·dout", TensorOps.scale(g1, u.factor()), scaled);
    }

    /** The last {@code rows} row shifts, cut from the end as the kit cuts its tensors. */
    private static Tensor cut(Tensor shifts, int rows) {
        Tensor t = Tensor.zeros(rows);
        System.arraycopy(shifts.data(), shifts.size() - rows, t.data(), 0, rows);
        return t;
    }

    /** Forward twice, with a backward in between, gives the same loss bits, and backward the same gradient bits. */
    @Property
    void forwardTwiceGivesIdenticalBits(@ForAll("cases") LossLayerCase c) {
        LossLayer layer = c.layer();
        double loss = layer.forward(c.x(), c.indexLabels());
        Tensor dx = layer.backward();
        assertSameBits(layer.name() + ".forward(x, t) called again", loss, layer.forward(c.x(), c.indexLabels()));
        assertSameBits(layer.name() + ".backward() after the second forward", dx, layer.backward());
    }

    /** Forward and backward leave the scores with their bits, for index and one-hot labels. */
    @Property
    void forwardAndBackwardModifyNoArgument(@ForAll("cases") LossLayerCase c) {
        Tensor x = c.x().copy();
        Tensor oneHot = c.oneHotLabels().toOneHot(x.dim(1));
        Tensor oneHotCopy = oneHot.copy();
        c.layer().forward(c.x(), c.indexLabels());
        c.layer().backward();
        c.layer().forward(c.x(), Labels.oneHot(oneHot));
        c.layer().backward(0.5);
        assertSameBits("x after forward and backward", x, c.x());
        assertSameBits("one-hot t after forward and backward", oneHotCopy, oneHot);
    }

    /** The same scores give the same loss and gradient bits whether the labels are indices or one-hot rows. */
    @Property
    void oneHotAndIndexLabelsGiveSameBits(@ForAll("cases") LossLayerCase c) {
        LossLayer byIndex = c.layer(), byOneHot = newLayer();
        assertSameBits("loss with one-hot labels", byIndex.forward(c.x(), c.indexLabels()), byOneHot.forward(c.x(), c.oneHotLabels()));
        assertSameBits("dx with one-hot labels", byIndex.backward(), byOneHot.backward());
    }

    /** Each row of softmax(x) sums to 1 within 2·classes ulps, for scores up to ±1000. */
    @Property
    void softmaxRowsSumToOne(@ForAll("wideScores") Tensor x) {
        Tensor y = softmax(x);
        int cols = x.dim(1);
        for (int r = 0; r < x.dim(0); r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += y.get(r, c);
            }
            if (!(Math.abs(sum - 1) <= 2 * cols * Math.ulp(1.0))) {
                throw new AssertionError(String.format(Locale.ROOT, "softmax row %d of %s sums to %.17g, not 1",
                        r, CaseFormat.values(x), sum));
            }
        }
    }

    /**
     * softmax(x + c) = softmax(x) for a constant c per row, up to the rounding of x + c: element y
     * may move by {@code y·ε·(8·(max|x| + |c|) + 4·(classes + 3))}, the perturbation of its inputs
     * (ε/2 of |x + c| each) through softmax plus the rounding of both evaluations, doubled.
     */
    @Property
    void softmaxIsInvariantToAddingAConstantPerRow(@ForAll("shiftedScores") ShiftedScores s) {
        Tensor x = s.x();
        int cols = x.dim(1);
        Tensor shifted = Tensor.zerosLike(x);
        for (int i = 0; i < x.size(); i++) {
            shifted.set(i, x.get(i) + s.shifts().get(i / cols));
        }
        Tensor y = softmax(x), yShifted = softmax(shifted);
        double maxAbs = 0;
        for (double v : x.data()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        for (int i = 0; i < x.size(); i++) {
            double c = Math.abs(s.shifts().get(i / cols));
            double bound = y.get(i) * Math.ulp(1.0) * (8 * (maxAbs + c) + 4 * (cols + 3));
            if (!(Math.abs(yShifted.get(i) - y.get(i)) <= bound)) {
                throw new AssertionError(String.format(Locale.ROOT, "softmax at %s is %.17g but %.17g after adding %s to the row"
                        + " (allowed rounding %.3g)", x.indexString(i), y.get(i), yShifted.get(i), s.shifts().get(i / cols), bound));
            }
        }
    }
}
