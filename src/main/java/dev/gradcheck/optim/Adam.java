package dev.gradcheck.optim;

import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Adam, written as the book's {@code common/optimizer.py} (§6.1.6): at step t,
 * {@code lr_t = lr·√(1 − β2^t) / (1 − β1^t)}, {@code m ← m + (1 − β1)(dW − m)},
 * {@code v ← v + (1 − β2)(dW² − v)}, {@code W ← W − lr_t·m / (√v + 1e-7)}.
 *
 * <p>The powers use {@link StrictMath#pow} so the bias correction has the same bits on every JVM.
 */
public final class Adam implements Optimizer {

    /** The book's defaults. */
    public static final double DEFAULT_LR = 0.001, DEFAULT_BETA1 = 0.9, DEFAULT_BETA2 = 0.999;

    /** The book's guard against division by zero. */
    static final double EPSILON = 1e-7;

    /** Learning rate. */
    private final double lr;

    /** Decay rates of the first and second moment estimates. */
    private final double beta1, beta2;

    /** First and second moment estimates per key. */
    private final Map<String, double[]> m = new HashMap<>(), v = new HashMap<>();

    /** Steps taken. */
    private int iter;

    public Adam(double lr, double beta1, double beta2) {
        this.lr = Optimizer.requirePositive("learning rate", lr);
        this.beta1 = requireRate("beta1", beta1);
        this.beta2 = requireRate("beta2", beta2);
    }

    public Adam(double lr) {
        this(lr, DEFAULT_BETA1, DEFAULT_BETA2);
    }

    @Override
    public void update(Map<String, Parameter> params, Map<String, Tensor> grads) {
        iter++;
        double lrT = lr * Math.sqrt(1.0 - StrictMath.pow(beta2, iter)) / (1.0 - StrictMath.pow(beta1, iter));
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            double[] g = Optimizer.gradientOf(e.getKey(), e.getValue(), grads);
            double[] w = e.getValue().value().data();
            double[] mk = m.computeIfAbsent(e.getKey(), k -> new double[w.length]);
            double[] vk = v.computeIfAbsent(e.getKey(), k -> new double[w.length]);
            for (int i = 0; i < w.length; i++) {
                mk[i] += (1 - beta1) * (g[i] - mk[i]);
                vk[i] += (1 - beta2) * (g[i] * g[i] - vk[i]);
                w[i] -= lrT * mk[i] / (Math.sqrt(vk[i]) + EPSILON);
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam(lr=%s, beta1=%s, beta2=%s)", lr, beta1, beta2);
    }

    private static double requireRate(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }
}
