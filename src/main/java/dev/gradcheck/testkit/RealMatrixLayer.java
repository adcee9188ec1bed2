package dev.gradcheck.testkit;

import org.apache.commons.math3.linear.RealMatrix;
import org.apiguardian.api.API;

/**
 * A one-input layer written on Commons Math {@link RealMatrix} (rows are the batch): add
 * {@code implements RealMatrixLayer} and check it through {@link Layers#adapt(RealMatrixLayer)}. A
 * class with other method names is adapted without change by {@link Layers#fromMatrices}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RealMatrixLayer {

    /** @param x input (batch, features); must not be modified. @return the output, a new matrix. */
    RealMatrix forward(RealMatrix x);

    /** @param dout dL/d(out), shaped like forward's output; must not be modified. @return dL/dx, shaped like x. */
    RealMatrix backward(RealMatrix dout);

    /** Name used in reports and as the baseline file's name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
