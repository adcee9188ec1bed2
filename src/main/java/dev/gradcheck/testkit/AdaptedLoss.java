package dev.gradcheck.testkit;

import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.tensor.Tensor;
import java.util.function.DoubleFunction;

/**
 * A user's loss on {@code double[][]} or {@link org.apache.commons.math3.linear.RealMatrix}, seen as
 * a {@link TargetLossLayer} on tensors. Both arguments are copied in and checked unmodified afterwards.
 *
 * @param <M> the user's matrix type
 */
final class AdaptedLoss<M> implements TargetLossLayer {

    /** The user's forward. */
    interface Forward<M> {
        double forward(M y, M t);
    }

    private final String name;
    private final Representation<M> rep;
    private final Forward<M> forward;
    private final DoubleFunction<M> backward;

    AdaptedLoss(String name, Representation<M> rep, Forward<M> forward, DoubleFunction<M> backward) {
        this.name = name;
        this.rep = rep;
        this.forward = forward;
        this.backward = backward;
    }

    @Override
    public double forward(Tensor y, Tensor t) {
        String call = name + ".forward";
        M userY = rep.toUser(y, call + "'s argument y");
        M userT = rep.toUser(t, call + "'s argument t");
        double loss = forward.forward(userY, userT);
        rep.requireUnmodified(y, userY, call, "y");
        rep.requireUnmodified(t, userT, call, "t");
        return loss;
    }

    @Override
    public Tensor backward(double dout) {
        return rep.fromUser(backward.apply(dout), name + ".backward's result");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
