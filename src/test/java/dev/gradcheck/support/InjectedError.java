package dev.gradcheck.support;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Variable;
import dev.gradcheck.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A correct unit whose analytic gradient of one tensor is made wrong on purpose, by a known relative
 * error: the whole tensor times (1 + ε), its largest element times (1 + ε), or that element's sign
 * flipped. Forward is untouched, so the loss, the numerical gradient and the exact oracle are the
 * correct unit's.
 */
public final class InjectedError implements Checkable {

    /** How the gradient is made wrong. */
    public enum Kind {
        /** Every element times (1 + ε), as a dW·(1 + ε) bug. */
        WHOLE_TENSOR,
        /** The element of largest |g| times (1 + ε), as an off-by-one in a loop. */
        ONE_ELEMENT,
        /** The element of largest |g| negated. */
        SIGN_FLIP
    }

    private final Checkable unit;
    private final String tensor;
    private final Kind kind;
    private final double epsilon;

    public InjectedError(Checkable unit, String tensor, Kind kind, double epsilon) {
        this.unit = unit;
        this.tensor = tensor;
        this.kind = kind;
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return unit.name();
    }

    @Override
    public List<Variable> variables() {
        return unit.variables();
    }

    @Override
    public double loss() {
        return unit.loss();
    }

    @Override
    public double lossScale() {
        return unit.lossScale();
    }

    @Override
    public Optional<Map<String, Tensor>> exactGradient() {
        return unit.exactGradient();
    }

    @Override
    public Map<String, Tensor> analyticGradient() {
        Map<String, Tensor> grads = new LinkedHashMap<>(unit.analyticGradient());
        Tensor g = grads.get(tensor);
        if (g == null) {
            throw new IllegalArgumentException(unit.name() + " has no tensor " + tensor + "; it has " + grads.keySet());
        }
        Tensor wrong = g.copy();
        int largest = largest(wrong);
        switch (kind) {
            case WHOLE_TENSOR -> {
                for (int i = 0; i < wrong.size(); i++) {
                    wrong.set(i, wrong.get(i) * (1 + epsilon));
                }
            }
            case ONE_ELEMENT -> wrong.set(largest, wrong.get(largest) * (1 + epsilon));
            case SIGN_FLIP -> wrong.set(largest, -wrong.get(largest));
        }
        grads.put(tensor, wrong);
        return grads;
    }

    private static int largest(Tensor g) {
        int best = 0;
        for (int i = 1; i < g.size(); i++) {
            best = Math.abs(g.get(i)) > Math.abs(g.get(best)) ? i : best;
        }
        return best;
    }
}
