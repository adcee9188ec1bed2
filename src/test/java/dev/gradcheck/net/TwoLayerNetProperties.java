package dev.gradcheck.net;

import static dev.gradcheck.support.PropertyAssertions.assertSameBits;
import static dev.gradcheck.testkit.GradCheckArbitraries.netCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;
import static dev.gradcheck.testkit.GradCheckAssertions.assertGradientsMatch;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.NetCase;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * TwoLayerNet over random input, hidden and output sizes, batches, labels, inputs and weights:
 * backpropagation matches the central difference for W1, b1, W2 and b2; loss and gradient are
 * deterministic; nothing is modified.
 */
class TwoLayerNetProperties {

    /** Largest batch. */
    static final int MAX_BATCH = 4;

    /** Largest input, hidden and output size. */
    static final int MAX_INPUT = 6, MAX_HIDDEN = 6, MAX_OUTPUT = 5;

    /**
     * Distance from the hidden Relu's kinks of the general cases: 1e-2 is 33 times the largest move
     * of a pre-activation in the check (|x| <= 3 times h), so every central difference stays on one
     * side of every kink. About one case in ten is filtered out.
     */
    static final double KINK_MARGIN = 1e-2;

    @Provide
    Arbitrary<NetCase> cases() {
        return casesNearKinks().filter(c -> c.kinkDistance() >= KINK_MARGIN);
    }

    @Provide
    Arbitrary<NetCase> casesNearKinks() {
        return netCases(MAX_BATCH, MAX_INPUT, MAX_HIDDEN, MAX_OUTPUT, values().between(-3, 3), values().between(-1, 1));
    }

    /** The unit under test; {@code BrokenNetPropertiesTests} swaps in a broken gradient to show the property bites. */
    Checkable checkable(NetCase c) {
        return c.checkable();
    }

    @Property
    void gradientMatchesCentralDifference(@ForAll("cases") NetCase c) {
        assertGradientsMatch(checkable(c));
    }

    /**
     * Any case, including hidden units on or near a kink (zero inputs, zero biases): no element
     * fails and nothing is non-finite. Elements the checker skips as kinks are counted, not failed,
     * and a tensor made mostly of them fails only for lack of evidence, which is not asserted here.
     * The deep run (README, "Kinks of the hidden layer") found no failure in 1,500,000 cases.
     */
    @Property
    void noGradientElementMismatchesNearKinks(@ForAll("casesNearKinks") NetCase c) {
        CheckReport report = GradientCheck.check(checkable(c));
        boolean mismatch = report.tensors().stream().anyMatch(t -> t.failures() > 0 || t.nonFiniteIndex() >= 0);
        if (!report.problems().isEmpty() || mismatch) {
            throw new AssertionError(report.describe());
        }
    }

    /** loss twice gives the same bits, and gradient twice the same bits (gradients are set, not accumulated). */
    @Property
    void lossAndGradientTwiceGiveIdenticalBits(@ForAll("cases") NetCase c) {
        TwoLayerNet net = c.net();
        double loss = net.loss(c.x(), c.labels());
        Map<String, Tensor> first = copies(net.gradient(c.x(), c.labels()));
        assertSameBits("loss called again", loss, net.loss(c.x(), c.labels()));
        Map<String, Tensor> second = net.gradient(c.x(), c.labels());
        first.forEach((name, g) -> assertSameBits("gradient of " + name + " called again", g, second.get(name)));
    }

    /** loss and gradient leave x and every parameter with their bits. */
    @Property
    void gradientModifiesNoArgument(@ForAll("cases") NetCase c) {
        Tensor x = c.x().copy();
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (Parameter p : c.net().params().values()) {
            params.put(p.name(), p.value().copy());
        }
        c.net().gradient(c.x(), c.labels());
        assertSameBits("x after gradient", x, c.x());
        c.net().params().forEach((name, p) -> assertSameBits(name + " after gradient", params.get(name), p.value()));
    }

    private static Map<String, Tensor> copies(Map<String, Tensor> tensors) {
        Map<String, Tensor> copies = new LinkedHashMap<>();
        tensors.forEach((name, t) -> copies.put(name, t.copy()));
        return copies;
    }
}
