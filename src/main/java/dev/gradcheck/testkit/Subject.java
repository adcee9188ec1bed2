package dev.gradcheck.testkit;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.tensor.Tensor;
import java.util.List;

/**
 * A layer or a loss as the protocol rules drive it: forward at named inputs, backward with an
 * upstream gradient, the parameters. A loss's output is a scalar tensor and its upstream gradient
 * a scalar tensor {@code dout}.
 */
abstract class Subject {

    abstract String name();

    /** Names of forward's arguments: {@code x}, or {@code y} and {@code t}. */
    abstract List<String> inputNames();

    /** Forward at {@code inputs}, in the order of {@link #inputNames()}. */
    abstract Tensor forward(List<Tensor> inputs);

    /** Backward: the gradient of the first input. */
    abstract Tensor backward(Tensor dout);

    abstract List<Parameter> parameters();

    /** The gradient check of this subject at {@code inputs}, a projected layer reduced with {@code seed}. */
    abstract Checkable checkable(List<Tensor> inputs, long seed);

    /** Name of the gradient backward returns: {@code dx} or {@code dy}. */
    String inputGradientName() {
        return "d" + inputNames().get(0);
    }

    static Subject of(Layer layer) {
        return new Subject() {
            @Override
            String name() {
                return layer.name();
            }

            @Override
            List<String> inputNames() {
                return List.of("x");
            }

            @Override
            Tensor forward(List<Tensor> inputs) {
                return layer.forward(inputs.get(0));
            }

            @Override
            Tensor backward(Tensor dout) {
                return layer.backward(dout);
            }

            @Override
            List<Parameter> parameters() {
                return layer.parameters();
            }

            @Override
            Checkable checkable(List<Tensor> inputs, long seed) {
                return Checkable.of(layer, inputs.get(0), seed);
            }
        };
    }

    static Subject of(TargetLossLayer loss) {
        return new Subject() {
            @Override
            String name() {
                return loss.name();
            }

            @Override
            List<String> inputNames() {
                return List.of("y", "t");
            }

            @Override
            Tensor forward(List<Tensor> inputs) {
                return Tensor.scalar(loss.forward(inputs.get(0), inputs.get(1)));
            }

            @Override
            Tensor backward(Tensor dout) {
                return loss.backward(dout.get(0));
            }

            @Override
            List<Parameter> parameters() {
                return List.of();
            }

            @Override
            Checkable checkable(List<Tensor> inputs, long seed) {
                return Checkable.of(loss, inputs.get(0), inputs.get(1));
            }
        };
    }
}
