package dev.gradcheck.testkit;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apiguardian.api.API;

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
public interface LossContract extends InheritedChecks {

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

    /** This contract's cases: {@code new Random(seed())} per case, then the subject and its inputs. */
    @Override
    default CaseSource cases() {
        return CaseSource.of(this);
    }
}
