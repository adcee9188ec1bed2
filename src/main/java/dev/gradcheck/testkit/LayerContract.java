package dev.gradcheck.testkit;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * The gradient-check contract of a one-input {@link Layer}: implement it in a JUnit 5 test class,
 * supply the layer and the input shapes, and inherit every check (JUnit's test-interface pattern).
 * <pre>{@code
 * class LeakyReluTests implements LayerContract {
 *     public Layer createLayer(Random random) { return Layers.adapt(new LeakyRelu(0.01)); }
 *     public List<Shape> inputShapes() { return List.of(Shape.of(2, 3), Shape.of(5, 4)); }
 * }
 * }</pre>
 * Each inherited method is a test factory with one test per input shape. A case is made from
 * {@code new Random(seed())}: first {@link #createLayer}, then {@link #createInput}, so both must
 * draw every random number from the {@code Random} they are given. Each test starts from a fresh case.
 *
 * <ul>
 *   <li>{@link #backwardMatchesCentralDifference}: the gradient check of x and every parameter.</li>
 *   <li>{@link #meanAbsDiffDoesNotExceedBaseline}: the baseline gate, under the id
 *       {@code <name>/x(2,3),W(3,4),b(4),seed=42} (the layer's name, the shapes of x and of each
 *       parameter, the seed) in {@code <name>.txt} of the baseline directory.</li>
 *   <li>The protocol rules the gradient check alone does not see: {@link #forwardIsDeterministic},
 *       {@link #forwardAndBackwardModifyNoArgument}, {@link #forwardAndBackwardReturnNewTensors},
 *       {@link #backwardSetsAGradientOfItsShapeForEveryTensor}, {@link #backwardTwiceGivesIdenticalGradients},
 *       {@link #backwardFollowsTheLastForward}, {@link #backwardIsLinearInDout}.</li>
 * </ul>
 * Failures open with their category in brackets ({@code [gradient mismatch]}, {@code [contract breach]},
 * {@code [baseline regression]}, {@code [non-finite value]}, {@code [layer error]}). To leave one
 * check out, override its method without {@code @TestFactory}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface LayerContract extends InheritedChecks {

    /** A new layer; draw its parameters from {@code random} and nothing else, so the same seed gives the same layer. */
    Layer createLayer(Random random);

    /** The shapes of x to check the layer at, such as {@code List.of(Shape.of(2, 3))}; at least one. */
    List<Shape> inputShapes();

    /** An input of {@code shape}; standard normal values by default ({@link RandomTensors#gaussian}). */
    default Tensor createInput(Shape shape, Random random) {
        return RandomTensors.gaussian(shape, random);
    }

    /** The seed of every case: layer, input, projection and dout. Part of the baseline id. */
    default long seed() {
        return 42;
    }

    /** The options of the gradient check: {@link CheckOptions#defaults()} (h = 1e-4, the calibrated tolerance). */
    default CheckOptions options() {
        return CheckOptions.defaults();
    }

    /**
     * Where the baseline files are: empty (the default) for the directory of the system property
     * {@code gradcheck.baselines.dir}, else {@code fixtures/baselines} under the working directory.
     */
    default Optional<Path> baselineDirectory() {
        return Optional.empty();
    }

    /** This contract's cases: {@code new Random(seed())} per case, then the subject and its inputs. */
    @Override
    default CaseSource cases() {
        return CaseSource.of(this);
    }
}
