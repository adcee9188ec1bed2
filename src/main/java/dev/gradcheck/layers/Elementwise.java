package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * A layer that applies one scalar function to every element, written a second time in
 * forward-mode automatic-differentiation arithmetic (Commons Math's {@link DerivativeStructure}).
 *
 * <p>The twin gives exact derivatives, to rounding, with no finite difference and no hand-written
 * backward: a third oracle that tells which of the two disagreeing sides of a gradient check is
 * wrong. The checker verifies that the twin's values equal forward's before it trusts them.
 */
public interface Elementwise extends Layer {

    /** The layer's function of one element, in forward-mode arithmetic. */
    DerivativeStructure apply(DerivativeStructure x);

    /** Whether the function has a derivative at {@code x}; false at kinks such as Relu's 0. */
    default boolean differentiableAt(double x) {
        return true;
    }

    /** The function's value at every element of {@code x}, computed by the twin; x is not modified. */
    default Tensor twinValues(Tensor x) {
        Tensor out = Tensor.zerosLike(x);
        for (int i = 0; i < x.size(); i++) {
            out.set(i, apply(new DerivativeStructure(1, 1, 0, x.get(i))).getValue());
        }
        return out;
    }

    /** The exact derivative at every element of {@code x}; NaN where the function has none. x is not modified. */
    default Tensor exactDerivative(Tensor x) {
        Tensor d = Tensor.zerosLike(x);
        for (int i = 0; i < x.size(); i++) {
            double v = x.get(i);
            d.set(i, differentiableAt(v) ? apply(new DerivativeStructure(1, 1, 0, v)).getPartialDerivative(1) : Double.NaN);
        }
        return d;
    }
}
