package dev.gradcheck.check;

import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** A loss with a tensor target, reduced by its own loss at a fixed target t; checks the predictions y. */
final class LossOfTarget implements Checkable {

    private final TargetLossLayer layer;
    private final Tensor y;
    private final Tensor t;

    /** t as given, to prove the loss never modifies it. */
    private final Tensor originalT;

    LossOfTarget(TargetLossLayer layer, Tensor y, Tensor t) {
        if (!y.sameShape(t)) {
            throw new IllegalArgumentException(layer.name() + ": target t has shape " + t.shapeString()
                    + " but predictions y have shape " + y.shapeString());
        }
        this.layer = layer;
        this.y = y;
        this.t = t;
        this.originalT = t.copy();
    }

    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public List<Variable> variables() {
        return List.of(Variable.input("y", y));
    }

    @Override
    public double loss() {
        return layer.forward(y, t);
    }

    /** The loss plus the largest |y| and |t|: the difference y - t rounds at their magnitude. */
    @Override
    public double lossScale() {
        double max = 0;
        for (int i = 0; i < y.size(); i++) {
            max = Math.max(max, Math.max(Math.abs(y.get(i)), Math.abs(t.get(i))));
        }
        return Math.abs(loss()) + max;
    }

    @Override
    public Map<String, Tensor> analyticGradient() {
        layer.forward(y, t);
        Tensor dy = layer.backward(1.0);
        Contracts.requireUnmodified(t, originalT, layer.name() + " forward/backward", "t");
        return Map.of("y", dy);
    }
}
