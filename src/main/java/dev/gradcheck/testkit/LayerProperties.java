package dev.gradcheck.testkit;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apiguardian.api.API;

/**
 * The property contract of a one-input layer, for jqwik (jqwik's contract pattern): implement it in
 * a class named {@code *Properties}, provide the generated cases, and inherit the properties, each
 * run over 1,000 cases by default. A failing property is shrunk to a small case and reported with
 * its seed.
 * <pre>{@code
 * class LeakyReluProperties implements LayerProperties {
 *     @Override @Provide
 *     public Arbitrary<LayerCase> cases() {
 *         return GradCheckArbitraries.layerCases(() -> Layers.adapt(new LeakyRelu(0.01)),
 *                 GradCheckArbitraries.tensors(4, 6, GradCheckArbitraries.values().between(-3, 3).awayFromZero(1e-2)));
 *     }
 * }
 * }</pre>
 * The upstream gradient dout of the rules is standard normal, drawn from the case's projection seed.
 * Needs {@code net.jqwik:jqwik-engine} on the test class path.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface LayerProperties {

    /** The cases: a fresh layer at an input, e.g. from {@link GradCheckArbitraries#layerCases}. Annotate with {@code @Provide}. */
    @Provide
    Arbitrary<LayerCase> cases();

    /** The options of the gradient check: {@link CheckOptions#defaults()}. */
    default CheckOptions options() {
        return CheckOptions.defaults();
    }

    /** x and every parameter: backward against the central difference. */
    @Property
    default void backwardMatchesCentralDifference(@ForAll("cases") LayerCase c) {
        GradCheckAssertions.assertGradientsMatch(c.checkable(), options());
    }

    /** Forward twice at the same x, with a backward in between, gives the same bits. */
    @Property
    default void forwardIsDeterministic(@ForAll("cases") LayerCase c) {
        ProtocolRules.forwardIsDeterministic(Subject.of(c.layer()), List.of(c.x()), dout(c));
    }

    /** Forward and backward leave x, dout and every parameter with their bits. */
    @Property
    default void forwardAndBackwardModifyNoArgument(@ForAll("cases") LayerCase c) {
        ProtocolRules.forwardAndBackwardModifyNoArgument(Subject.of(c.layer()), List.of(c.x()), dout(c));
    }

    /** Backward twice after one forward gives the same bits: gradients are set, not accumulated. */
    @Property
    default void backwardTwiceGivesIdenticalGradients(@ForAll("cases") LayerCase c) {
        ProtocolRules.backwardTwiceGivesIdenticalGradients(Subject.of(c.layer()), List.of(c.x()), dout(c));
    }

    /** {@code backward(2·dout)} is exactly {@code 2·backward(dout)}. */
    @Property
    default void backwardIsLinearInDout(@ForAll("cases") LayerCase c) {
        ProtocolRules.backwardIsLinearInDout(Subject.of(c.layer()), List.of(c.x()), dout(c));
    }

    private static Tensor dout(LayerCase c) {
        return RandomTensors.gaussianLike(c.layer().forward(c.x().copy()), new Random(c.projectionSeed()));
    }
}
