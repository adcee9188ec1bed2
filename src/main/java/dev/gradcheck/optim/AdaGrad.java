package dev.gradcheck.optim;

import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * AdaGrad: {@code h ← h + dW∘dW}, {@code W ← W − lr·dW / (√h + 1e-7)}; h starts at zero. Book §6.1.5.
 * The 1e-7 keeps the first steps of a never-seen parameter finite, as the book's does.
 */
public final class AdaGrad implements Optimizer {

    /** The book's default learning rate. */
    public static final double DEFAULT_LR = 0.01;

    /** The book's guard against division by zero. */
    static final double EPSILON = 1e-7;

    /** Learning rate. */
    private final double lr;

    /** Sum of squared gradients per key. */
    private final Map<String, double[]> h = new HashMap<>();

    public AdaGrad(double lr) {
        this.lr = Optimizer.requirePositive("learning rate", lr);
    }

    @Override
    public void update(Map<String, Parameter> params, Map<String, Tensor> grads) {
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            double[] g = Optimizer.gradientOf(e.getKey(), e.getValue(), grads);
            double[] w = e.getValue().value().data();
            double[] sum = h.computeIfAbsent(e.getKey(), k -> new double[w.length]);
            for (int i = 0; i < w.length; i++) {
                sum[i] += g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(sum[i]) + EPSILON);
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AdaGrad(lr=%s)", lr);
    }
}
