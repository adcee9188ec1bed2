package dev.gradcheck.testkit;

import org.apiguardian.api.API;

/**
 * A one-input layer written on plain {@code double[][]} (rows are the batch), as many hand-written
 * layers are: add {@code implements DoubleArrayLayer} and check it through {@link Layers#adapt(DoubleArrayLayer)}.
 * A class with other method names is adapted without change by {@link Layers#fromArrays}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface DoubleArrayLayer {

    /** @param x input (batch, features); must not be modified. @return the output, a new array. */
    double[][] forward(double[][] x);

    /** @param dout dL/d(out), shaped like forward's output; must not be modified. @return dL/dx, shaped like x. */
    double[][] backward(double[][] dout);

    /** Name used in reports and as the baseline file's name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
