package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The fixed random tensor R that reduces a layer's output to {@code Σ out ∘ R}.
 * Standard normal entries from Commons Math's Well19937c, so the same seed gives the same R everywhere.
 */
final class Projection {

    private Projection() {
    }

    /** A tensor shaped like {@code like} with standard normal entries drawn from {@code seed}. */
    static Tensor gaussianLike(Tensor like, long seed) {
        RandomGenerator random = new Well19937c(seed);
        Tensor r = Tensor.zerosLike(like);
        double[] d = r.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextGaussian();
        }
        return r;
    }
}
