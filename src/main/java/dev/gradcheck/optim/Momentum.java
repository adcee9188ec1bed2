package dev.gradcheck.optim;

import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Momentum SGD: {@code v ← momentum·v − lr·dW}, {@code W ← W + v}; v starts at zero. Book §6.1.4. */
public final class Momentum implements Optimizer {

    /** The book's defaults. */
    public static final double DEFAULT_LR = 0.01, DEFAULT_MOMENTUM = 0.9;

    /** Learning rate. */
    private final double lr;

    /** Share of the velocity kept from one step to the next. */
    private final double momentum;

    /** Velocity per key. */
    private final Map<String, double[]> v = new HashMap<>();

    public Momentum(double lr, double momentum) {
        this.lr = Optimizer.requirePositive("learning rate", lr);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    public Momentum(double lr) {
        this(lr, DEFAULT_MOMENTUM);
    }

    @Override
    public void update(Map<String, Parameter> params, Map<String, Tensor> grads) {
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            double[] g = Optimizer.gradientOf(e.getKey(), e.getValue(), grads);
            double[] w = e.getValue().value().data();
            double[] vel = v.computeIfAbsent(e.getKey(), k -> new double[w.length]);
            for (int i = 0; i < w.length; i++) {
                vel[i] = momentum * vel[i] - lr * g[i];
                w[i] += vel[i];
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Momentum(lr=%s, momentum=%s)", lr, momentum);
    }
}
