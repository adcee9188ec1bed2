package dev.gradcheck.testkit;

import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The nine checks {@link LayerContract} and {@link LossContract} share, each a test factory with one
 * test per case of {@link #cases()}. Not to be implemented directly: implement one of those two,
 * which say where the cases come from (the layer or loss, its input shapes, seed and options).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface InheritedChecks {

    /** The cases the checks run over, made from the implementing contract. */
    CaseSource cases();

    /** The input and every parameter: backward against the central difference of the checked scalar. */
    @TestFactory
    default Stream<DynamicTest> backwardMatchesCentralDifference() {
        return ContractTests.gradients(cases());
    }

    /**
     * The mean |A - N| of each tensor has not grown beyond its recorded baseline; record with
     * {@code -Dgradcheck.baselines=record}. Aborted for a case whose gradient check fails.
     */
    @TestFactory
    default Stream<DynamicTest> meanAbsDiffDoesNotExceedBaseline() {
        return ContractTests.baselines(cases());
    }

    /** Forward twice at the same input, with a backward in between, gives the same bits. */
    @TestFactory
    default Stream<DynamicTest> forwardIsDeterministic() {
        return ContractTests.rule(cases(), c -> ProtocolRules.forwardIsDeterministic(c.subject, c.inputs, c.dout));
    }

    /** Forward and backward leave their arguments and every parameter with their bits. */
    @TestFactory
    default Stream<DynamicTest> forwardAndBackwardModifyNoArgument() {
        return ContractTests.rule(cases(),
                c -> ProtocolRules.forwardAndBackwardModifyNoArgument(c.subject, c.inputs, c.dout));
    }

    /** Returned tensors share no array with arguments or parameters, and the next call does not change them. */
    @TestFactory
    default Stream<DynamicTest> forwardAndBackwardReturnNewTensors() {
        return ContractTests.rule(cases(), c -> ProtocolRules.forwardAndBackwardReturnNewTensors(c.subject, c.inputs,
                ContractTests.otherInputs(c), c.dout));
    }

    /** Backward returns the input's gradient shaped like the input, and sets one of its shape for every parameter. */
    @TestFactory
    default Stream<DynamicTest> backwardSetsAGradientOfItsShapeForEveryTensor() {
        return ContractTests.rule(cases(),
                c -> ProtocolRules.backwardSetsAGradientOfItsShapeForEveryTensor(c.subject, c.inputs, c.dout));
    }

    /** Backward twice after one forward gives the same bits: gradients are set, not accumulated. */
    @TestFactory
    default Stream<DynamicTest> backwardTwiceGivesIdenticalGradients() {
        return ContractTests.rule(cases(),
                c -> ProtocolRules.backwardTwiceGivesIdenticalGradients(c.subject, c.inputs, c.dout));
    }

    /** After forward at another input and then at this one, backward gives what a fresh subject gives: no stale cache. */
    @TestFactory
    default Stream<DynamicTest> backwardFollowsTheLastForward() {
        return ContractTests.rule(cases(), c -> ProtocolRules.backwardFollowsTheLastForward(c.subject,
                c.freshSubject(), c.inputs, ContractTests.otherInputs(c), c.dout, c.source.factory()));
    }

    /** {@code backward(2·dout)} is exactly {@code 2·backward(dout)} for every gradient. */
    @TestFactory
    default Stream<DynamicTest> backwardIsLinearInDout() {
        return ContractTests.rule(cases(), c -> ProtocolRules.backwardIsLinearInDout(c.subject, c.inputs, c.dout));
    }
}
