package dev.gradcheck.net;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.Map;

/**
 * A network as the book's training scripts use it: parameters by key, scores, loss and
 * backpropagated gradient. What a {@link dev.gradcheck.train.Trainer} trains and a gradient check checks.
 */
public interface Net {

    /** Name in reports, such as {@code TwoLayerNet}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The parameters by key, in a fixed order; values are live and updated in place by optimisers. */
    Map<String, Parameter> params();

    /** Scores (N, classes) for a batch x. */
    Tensor predict(Tensor x);

    /** The loss of a batch x with labels t. */
    double loss(Tensor x, Labels t);

    /** dLoss/dParameter by key, by backpropagation; also sets each parameter's gradient. */
    Map<String, Tensor> gradient(Tensor x, Labels t);

    /** This net at batch x and labels t, reduced by its loss, for a gradient check of every parameter. */
    default Checkable checkable(Tensor x, Labels t) {
        return new PlainNetCheckable(this, x, t);
    }
}
