package dev.gradcheck.support;

import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Seeded random tensors for tests. */
public final class TestTensors {

    private TestTensors() {
    }

    /** Entries drawn from N(0, std²) with {@code seed}. */
    public static Tensor gaussian(long seed, double std, int... shape) {
        RandomGenerator random = new Well19937c(seed);
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, std * random.nextGaussian());
        }
        return t;
    }

    /** Entries drawn uniformly from [low, high) with {@code seed}. */
    public static Tensor uniform(long seed, double low, double high, int... shape) {
        RandomGenerator random = new Well19937c(seed);
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, low + (high - low) * random.nextDouble());
        }
        return t;
    }

    /** Class indices drawn uniformly from [0, classes) with {@code seed}. */
    public static int[] labels(long seed, int count, int classes) {
        RandomGenerator random = new Well19937c(seed);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }
}
