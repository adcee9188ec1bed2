package dev.gradcheck.optim;

import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.Map;

/**
 * Updates parameters in place from their gradients, as the book's {@code update(params, grads)}
 * (§6.1, {@code common/optimizer.py}).
 *
 * <p>State (velocities, squared-gradient sums) is kept per key, created on the first update.
 * Updates run element by element in index order, so the same gradients give the same bits.
 */
public interface Optimizer {

    /**
     * One step. {@code params} values are modified; {@code grads} are not and must hold a tensor
     * of each parameter's shape under its key.
     */
    void update(Map<String, Parameter> params, Map<String, Tensor> grads);

    /** Name and hyperparameters, such as {@code SGD(lr=0.1)}. */
    @Override
    String toString();

    /** The gradient for {@code key}, checked against the parameter's shape. */
    static double[] gradientOf(String key, Parameter p, Map<String, Tensor> grads) {
        Tensor g = grads.get(key);
        if (g == null) {
            throw new IllegalArgumentException("no gradient for parameter " + key);
        }
        if (!g.sameShape(p.value())) {
            throw new IllegalArgumentException("gradient for " + key + " has shape " + g.shapeString()
                    + " but " + key + " has shape " + p.value().shapeString());
        }
        return g.data();
    }

    /** Fails unless {@code value} is positive and finite. */
    static double requirePositive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
        }
        return value;
    }
}
