package dev.gradcheck.testkit;

import dev.gradcheck.tensor.Tensor;
import java.util.function.UnaryOperator;

/**
 * A user's forward or backward on their own matrix type, seen as a method on tensors: the argument
 * is converted to a fresh copy, the method called, the argument checked unmodified, and the result
 * converted to a new tensor.
 */
@FunctionalInterface
interface UserMethod {

    /** Calls the method of the layer named {@code layer} on {@code arg}. */
    Tensor apply(String layer, Tensor arg);

    /** {@code method} (named {@code step}, e.g. {@code forward}) on the representation {@code rep}; its argument is {@code arg}. */
    static <M> UserMethod of(Representation<M> rep, UnaryOperator<M> method, String step, String arg) {
        return (layer, t) -> {
            String call = layer + "." + step;
            M userArg = rep.toUser(t, call + "'s argument " + arg);
            M result = method.apply(userArg);
            rep.requireUnmodified(t, userArg, call, arg);
            return rep.fromUser(result, call + "'s result");
        };
    }
}
