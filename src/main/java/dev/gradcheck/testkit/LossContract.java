package dev.gradcheck.testkit;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The gradient-check contract of a loss with a tensor target ({@link TargetLossLayer}), such as a
 * mean squared error: implement it in a JUnit 5 test class, supply the loss and the shapes of its
 * predictions y, and inherit every check. The same checks as {@link LayerContract}, for y: the
 * loss is the checked scalar, its upstream gradient dout a scalar, and t is an argument that must
 * not be modified. A case is made from {@code new Random(seed())}: first {@link #createLoss}, then
 * {@link #createInput} (y), then {@link #createTarget} (t).
 * <pre>{@code
 * class MeanSquaredErrorTests implements LossContract {
 *     public TargetLossLayer createLoss(Random random) { return Layers.adapt(new MeanSquaredError()); }
 *     public List<Shape> inputShapes() { return List.of(Shape.of(3, 4)); }
 * }
 * }</pre>
 * The baseline id is {@code <name>/y(3,4),seed=42}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface LossContract {

    /** A new loss; draw anything random from {@code random}. */
    TargetLossLayer createLoss(Random random);

    /** The shapes of y (and t) to check the loss at; at least one. */
    List<Shape> inputShapes();

    /** Predictions y of {@code shape}; standard normal by default. */
    default Tensor createInput(Shape shape, Random random) {
        return RandomTensors.gaussian(shape, random);
    }

    /** Targets t of {@code shape}; standard normal by default (override for one-hot rows or probabilities). */
    default Tensor createTarget(Shape shape, Random random) {
        return RandomTensors.gaussian(shape, random);
    }

    /** The seed of every case. Part of the baseline id. */
    default long seed() {
        return 42;
    }

    /** The options of the gradient check: {@link CheckOptions#defaults()}. */
    default CheckOptions options() {
        return CheckOptions.defaults();
    }

    /** Where the baseline files are; empty for {@code gradcheck.baselines.dir}, else {@code fixtures/baselines}. */
    default Optional<Path> baselineDirectory() {
        return Optional.empty();
    }

    /** y: backward(1) against the central difference of the loss. */
    @TestFactory
    default Stream<DynamicTest> backwardMatchesCentralDifference() {
        return ContractTests.gradients(CaseSource.of(this));
    }

    /** The mean |A - N| of y has not grown beyond its recorded baseline. Aborted for a case whose gradient check fails. */
    @TestFactory
    default Stream<DynamicTest> meanAbsDiffDoesNotExceedBaseline() {
        return ContractTests.baselines(CaseSource.of(this));
    }

    /** Forward twice at the same y and t, with a backward in between, gives the same loss. */
    @TestFactory
    default Stream<DynamicTest> forwardIsDeterministic() {
        return ContractTests.rule(CaseSource.of(this), c -> ProtocolRules.forwardIsDeterministic(c.subject, c.inputs, c.dout));
    }

    /** Forward and backward leave y and t with their bits. */
    @TestFactory
    default Stream<DynamicTest> forwardAndBackwardModifyNoArgument() {
        return ContractTests.rule(CaseSource.of(this),
                c -> ProtocolRules.forwardAndBackwardModifyNoArgument(c.subject, c.inputs, c.dout));
    }

    /** dy shares no array with y or t, and the next backward does not change it. */
    @TestFactory
    default Stream<DynamicTest> forwardAndBackwardReturnNewTensors() {
        return ContractTests.rule(CaseSource.of(this), c -> ProtocolRules.forwardAndBackwardReturnNewTensors(c.subject, c.inputs,
                ContractTests.otherInputs(c), c.dout));
    }

    /** Backward returns dy shaped like y. */
    @TestFactory
    default Stream<DynamicTest> backwardSetsAGradientOfItsShapeForEveryTensor() {
        return ContractTests.rule(CaseSource.of(this),
                c -> ProtocolRules.backwardSetsAGradientOfItsShapeForEveryTensor(c.subject, c.inputs, c.dout));
    }

    /** Backward twice after one forward gives the same dy. */
    @TestFactory
    default Stream<DynamicTest> backwardTwiceGivesIdenticalGradients() {
        return ContractTests.rule(CaseSource.of(this),
                c -> ProtocolRules.backwardTwiceGivesIdenticalGradients(c.subject, c.inputs, c.dout));
    }

    /** After forward at other y and t and then at these, backward gives what a fresh loss gives: no stale cache. */
    @TestFactory
    default Stream<DynamicTest> backwardFollowsTheLastForward() {
        return ContractTests.rule(CaseSource.of(this), c -> ProtocolRules.backwardFollowsTheLastForward(c.subject,
                c.freshSubject(), c.inputs, ContractTests.otherInputs(c), c.dout, c.source.factory()));
    }

    /** {@code backward(2·dout)} is exactly {@code 2·backward(dout)}. */
    @TestFactory
    default Stream<DynamicTest> backwardIsLinearInDout() {
        return ContractTests.rule(CaseSource.of(this), c -> ProtocolRules.backwardIsLinearInDout(c.subject, c.inputs, c.dout));
    }
}
