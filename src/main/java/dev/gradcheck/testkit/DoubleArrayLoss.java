package dev.gradcheck.testkit;

import org.apiguardian.api.API;

/**
 * A loss with a target written on plain {@code double[][]}, such as a mean squared error: add
 * {@code implements DoubleArrayLoss} and check it through {@link Layers#adapt(DoubleArrayLoss)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface DoubleArrayLoss {

    /** @param y predictions (batch, features); not modified. @param t targets, shaped like y; not modified. @return the loss. */
    double forward(double[][] y, double[][] t);

    /** @return dL/dy of the last forward, times {@code dout}; a new array shaped like y. */
    double[][] backward(double dout);

    /** Name used in reports and as the baseline file's name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
