package dev.gradcheck.testkit;

import org.apache.commons.math3.linear.RealMatrix;
import org.apiguardian.api.API;

/**
 * A loss with a target written on Commons Math {@link RealMatrix}: add {@code implements RealMatrixLoss}
 * and check it through {@link Layers#adapt(RealMatrixLoss)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RealMatrixLoss {

    /** @param y predictions (batch, features); not modified. @param t targets, shaped like y; not modified. @return the loss. */
    double forward(RealMatrix y, RealMatrix t);

    /** @return dL/dy of the last forward, times {@code dout}; a new matrix shaped like y. */
    RealMatrix backward(double dout);

    /** Name used in reports and as the baseline file's name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
