package dev.gradcheck.testkit;

import dev.gradcheck.tensor.Tensor;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * Tensors of random values drawn from a {@link Random}, for the inputs and parameters of contract
 * cases. {@code java.util.Random} is specified to the bit, so a seed gives the same tensor on every JVM.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RandomTensors {

    private RandomTensors() {
    }

    /** Standard normal values, {@code random.nextGaussian()} in row-major order. */
    public static Tensor gaussian(Shape shape, Random random) {
        return gaussianLike(Tensor.zeros(shape.dims()), random);
    }

    /** Standard normal values shaped like {@code like}, which may be a scalar: the upstream gradient of an output. */
    static Tensor gaussianLike(Tensor like, Random random) {
        Tensor t = Tensor.zerosLike(like);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextGaussian());
        }
        return t;
    }

    /** Values uniform in [min, max), in row-major order. */
    public static Tensor uniform(Shape shape, Random random, double min, double max) {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("uniform: need finite min < max, got [" + min + ", " + max + ")");
        }
        Tensor t = Tensor.zeros(shape.dims());
        for (int i = 0; i < t.size(); i++) {
            t.set(i, min + (max - min) * random.nextDouble());
        }
        return t;
    }

    /**
     * Standard normal values moved at least {@code margin} away from 0 (a value v with |v| &lt; margin
     * becomes ±margin, keeping its sign): inputs for a layer with a kink at 0, such as a ReLU.
     */
    public static Tensor gaussianAwayFromZero(Shape shape, Random random, double margin) {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and >= 0, got " + margin);
        }
        Tensor t = gaussian(shape, random);
        for (int i = 0; i < t.size(); i++) {
            double v = t.get(i);
            if (Math.abs(v) < margin) {
                t.set(i, Math.copySign(margin, v));
            }
        }
        return t;
    }
}
