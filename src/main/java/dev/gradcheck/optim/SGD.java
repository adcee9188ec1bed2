package dev.gradcheck.optim;

import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.Locale;
import java.util.Map;

/** Stochastic gradient descent: {@code W ← W − lr·dW}. Book §6.1.2. */
public final class SGD implements Optimizer {

    /** Learning rate. */
    private final double lr;

    public SGD(double lr) {
        this.lr = Optimizer.requirePositive("learning rate", lr);
    }

    @Override
    public void update(Map<String, Parameter> params, Map<String, Tensor> grads) {
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            double[] g = Optimizer.gradientOf(e.getKey(), e.getValue(), grads);
            double[] w = e.getValue().value().data();
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * g[i];
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SGD(lr=%s)", lr);
    }
}
