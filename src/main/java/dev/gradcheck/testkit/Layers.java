package dev.gradcheck.testkit;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.TargetLossLayer;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.linear.RealMatrix;
import org.apiguardian.api.API;

/**
 * Adapters that let the kit check a layer written on plain {@code double[][]} or on Commons Math
 * {@link RealMatrix} without rewriting it on {@link dev.gradcheck.tensor.Tensor}.
 *
 * <p>A class that already has {@code forward} and {@code backward} on one of these types implements
 * the matching small interface ({@link DoubleArrayLayer}, {@link RealMatrixLayer},
 * {@link DoubleArrayLoss}, {@link RealMatrixLoss}) and is adapted with {@code adapt}; any other class
 * is adapted from method references with {@link #fromArrays} or {@link #fromMatrices}. Parameters
 * are declared on the returned {@link AdaptedLayer}. Inputs are matrices (batch, features).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Layers {

    private Layers() {
    }

    /** {@code layer}, on {@code double[][]}, as a {@link Layer}; declare its parameters on the result. */
    public static AdaptedLayer adapt(DoubleArrayLayer layer) {
        return fromArrays(layer.name(), layer::forward, layer::backward);
    }

    /** {@code layer}, on {@link RealMatrix}, as a {@link Layer}; declare its parameters on the result. */
    public static AdaptedLayer adapt(RealMatrixLayer layer) {
        return fromMatrices(layer.name(), layer::forward, layer::backward);
    }

    /** {@code loss}, on {@code double[][]}, as a {@link TargetLossLayer}. */
    public static TargetLossLayer adapt(DoubleArrayLoss loss) {
        return new AdaptedLoss<>(loss.name(), Representation.ARRAYS, loss::forward, loss::backward);
    }

    /** {@code loss}, on {@link RealMatrix}, as a {@link TargetLossLayer}. */
    public static TargetLossLayer adapt(RealMatrixLoss loss) {
        return new AdaptedLoss<>(loss.name(), Representation.MATRICES, loss::forward, loss::backward);
    }

    /**
     * The layer whose forward and backward on {@code double[][]} are {@code forward} and
     * {@code backward}, such as {@code Layers.fromArrays("LeakyRelu", relu::forward, relu::backward)}.
     *
     * @param name names the layer in reports and its baseline file: a letter, then letters, digits, {@code _} or {@code -}
     */
    public static AdaptedLayer fromArrays(String name, UnaryOperator<double[][]> forward, UnaryOperator<double[][]> backward) {
        return new AdaptedLayer(name, UserMethod.of(Representation.ARRAYS, forward, "forward", "x"),
                UserMethod.of(Representation.ARRAYS, backward, "backward", "dout"));
    }

    /** As {@link #fromArrays}, for a layer on {@link RealMatrix}. */
    public static AdaptedLayer fromMatrices(String name, UnaryOperator<RealMatrix> forward, UnaryOperator<RealMatrix> backward) {
        return new AdaptedLayer(name, UserMethod.of(Representation.MATRICES, forward, "forward", "x"),
                UserMethod.of(Representation.MATRICES, backward, "backward", "dout"));
    }
}
