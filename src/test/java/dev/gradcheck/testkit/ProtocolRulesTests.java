package dev.gradcheck.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.layers.Convolution;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Pooling;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.Tanh;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's protocol rules raise no false alarm: every rule holds for every layer of the
 * project, with parameters, 4-D inputs, a train flag and a fixed dropout mask.
 */
class ProtocolRulesTests {

    static Stream<Arguments> layers() {
        return Stream.of(
                layer("Relu", r -> new Relu(), 3, 5),
                layer("Sigmoid", r -> new Sigmoid(), 2, 4),
                layer("Tanh", r -> new Tanh(), 2, 3, 4),
                layer("Affine", r -> new Affine(RandomTensors.gaussian(Shape.of(4, 3), r), RandomTensors.gaussian(Shape.of(3), r)), 2, 4),
                layer("Dropout", r -> new Dropout(0.5, r.nextLong()), 3, 6),
                layer("BatchNormalization", r -> new BatchNormalization(RandomTensors.gaussian(Shape.of(5), r),
                        RandomTensors.gaussian(Shape.of(5), r)), 4, 5),
                layer("BatchNormalization in test mode", r -> new BatchNormalization(RandomTensors.gaussian(Shape.of(5), r),
                        RandomTensors.gaussian(Shape.of(5), r)).inTestMode(), 4, 5),
                layer("Convolution", r -> new Convolution(RandomTensors.gaussian(Shape.of(2, 3, 3, 3), r),
                        RandomTensors.gaussian(Shape.of(2), r), 2, 1), 2, 3, 5, 5),
                layer("Pooling", r -> new Pooling(2, 2, 2, 0), 2, 3, 4, 6));
    }

    private static Arguments layer(String name, Function<Random, Layer> factory, int... shape) {
        return arguments(name, factory, Shape.of(shape));
    }

    @ParameterizedTest(name = "{0} at x {2}")
    @MethodSource("layers")
    void everyRuleHolds(String name, Function<Random, Layer> factory, Shape shape) {
        CaseSource source = CaseSource.of(new LayerContract() {
            @Override
            public Layer createLayer(Random random) {
                return factory.apply(random);
            }

            @Override
            public List<Shape> inputShapes() {
                return List.of(shape);
            }
        });
        List<ContractTests.Rule> rules = List.of(
                c -> ProtocolRules.forwardIsDeterministic(c.subject, c.inputs, c.dout),
                c -> ProtocolRules.forwardAndBackwardModifyNoArgument(c.subject, c.inputs, c.dout),
                c -> ProtocolRules.forwardAndBackwardReturnNewTensors(c.subject, c.inputs, ContractTests.otherInputs(c), c.dout),
                c -> ProtocolRules.backwardSetsAGradientOfItsShapeForEveryTensor(c.subject, c.inputs, c.dout),
                c -> ProtocolRules.backwardTwiceGivesIdenticalGradients(c.subject, c.inputs, c.dout),
                c -> ProtocolRules.backwardFollowsTheLastForward(c.subject, c.freshSubject(), c.inputs, ContractTests.otherInputs(c),
                        c.dout, name),
                c -> ProtocolRules.backwardIsLinearInDout(c.subject, c.inputs, c.dout));
        for (int r = 0; r < rules.size(); r++) {
            ContractTests.Rule rule = rules.get(r);
            assertDoesNotThrow(() -> rule.check(ContractCase.of(source, shape)), name + ": rule " + r + " raised a false alarm");
        }
    }
}
