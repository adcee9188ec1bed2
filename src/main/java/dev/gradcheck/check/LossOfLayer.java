package dev.gradcheck.check;

import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.layers.RowwiseLoss;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loss layer reduced by its own loss at fixed labels; checks the scores x. */
final class LossOfLayer implements Checkable {

    private final LossLayer layer;
    private final Tensor x;
    private final Labels t;

    LossOfLayer(LossLayer layer, Tensor x, Labels t) {
        this.layer = layer;
        this.x = x;
        this.t = t;
    }

    @Override
    public String name() {
        return layer.name();
    }

    @Override
    public List<Variable> variables() {
        return List.of(Variable.input("x", x));
    }

    @Override
    public double loss() {
        return layer.forward(x, t);
    }

    /** The loss plus the largest score: subtracting the row maximum rounds at the scores' magnitude. */
    @Override
    public double lossScale() {
        double max = 0;
        for (double v : x.data()) {
            max = Math.max(max, Math.abs(v));
        }
        return Math.abs(loss()) + max;
    }

    /** dL/dx from {@code backward(1)}; {@code backward(2)} must give exactly twice it. */
    @Override
    public Map<String, Tensor> analyticGradient() {
        layer.forward(x, t);
        Tensor dx = layer.backward(1.0);
        Contracts.requireScalesWithDout(layer.name(), dx, layer.backward(2.0));
        return Map.of("x", dx);
    }

    /** For a {@link RowwiseLoss}: dL/dx from the loss's forward-mode twin. */
    @Override
    public Optional<Map<String, Tensor>> exactGradient() {
        if (!(layer instanceof RowwiseLoss twin)) {
            return Optional.empty();
        }
        Tensor oneHot = t.toOneHot(x.dim(1));
        Twins.requireSameValues(Tensor.scalar(twin.twinLoss(x, oneHot)), Tensor.scalar(layer.forward(x, t)), layer.name());
        return Optional.of(Map.of("x", twin.exactGradient(x, oneHot)));
    }
}
