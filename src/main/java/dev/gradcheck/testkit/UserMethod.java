package dev.gradcheck.testkit;

import dev.gradcheck.check.ContractViolation;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A user's forward or backward on their own matrix type, seen as a method on tensors: the argument
 * is converted to a fresh copy, the method called, the argument checked unmodified, and the result
 * converted to a new tensor. Because the conversions copy, the checker could not see a result that
 * aliases the argument or a buffer reused from call to call; those are checked here.
 */
@FunctionalInterface
interface UserMethod {

    /** Calls the method of the layer named {@code layer} on {@code arg}. */
    Tensor apply(String layer, Tensor arg);

    /** {@code method} (named {@code step}, e.g. {@code forward}) on the representation {@code rep}; its argument is {@code arg}. */
    static <M> UserMethod of(Representation<M> rep, UnaryOperator<M> method, String step, String arg) {
        List<M> previous = new ArrayList<>(1);
        return (layer, t) -> {
            String call = layer + "." + step;
            M userArg = rep.toUser(t, call + "'s argument " + arg);
            M result = method.apply(userArg);
            rep.requireUnmodified(t, userArg, call, arg);
            Tensor out = rep.fromUser(result, call + "'s result");
            if (rep.shareStorage(result, userArg)) {
                throw new ContractViolation(call + " returned its argument " + arg + " (or one of its rows) itself: "
                        + "an alias the caller may change later; return a new array");
            }
            if (!previous.isEmpty() && rep.shareStorage(result, previous.get(0))) {
                throw new ContractViolation(call + " returned the array it returned from its previous call (a reused "
                        + "buffer): the next call changes what the caller holds; return a new array");
            }
            previous.clear();
            previous.add(result);
            return out;
        };
    }
}
