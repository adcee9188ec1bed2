package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Dropout: in training, {@code out = x·mask} with each mask entry 1 where a uniform draw exceeds
 * {@code dropoutRatio} and 0 elsewhere; at test time {@code out = x·(1 - dropoutRatio)}. Backward is
 * {@code dx = dout·mask}, or {@code dout·(1 - dropoutRatio)} after a test-mode forward. Book §6.4.3,
 * {@code common/layers.py} class {@code Dropout}.
 *
 * <p>The mask is drawn from a seeded generator (Commons Math's Well19937c) and then <em>kept</em>:
 * every training forward on input of the same shape uses the same mask until {@link #resample()} (a
 * trainer calls it once per step) or a forward on another shape draws the next one. The book draws a
 * new mask on every forward; keeping it makes forward a deterministic function of x, which the
 * gradient checker requires (it evaluates forward many times and demands identical bits), and makes
 * the sequence of masks reproducible from the seed.
 */
public final class Dropout implements TrainFlagLayer {

    /** Probability of dropping an element in training, in [0, 1). */
    private final double dropoutRatio;

    /** The source of every mask, seeded once. */
    private final RandomGenerator random;

    /** 1 where an element is kept, 0 where dropped; null until a training forward draws it. */
    private Tensor mask;

    /** The mask the last forward used, read by backward; null after a test-mode forward. */
    private Tensor forwardMask;

    /** Shape of the last forward's input; null before the first forward. */
    private int[] shape;

    /** The book's {@code Dropout(dropout_ratio)}, with the seed its masks are drawn from. */
    public Dropout(double dropoutRatio, long seed) {
        if (!(dropoutRatio >= 0 && dropoutRatio < 1)) {
            throw new IllegalArgumentException("Dropout: dropoutRatio must be in [0, 1), got " + dropoutRatio);
        }
        this.dropoutRatio = dropoutRatio;
        this.random = new Well19937c(seed);
    }

    @Override
    public Tensor forward(Tensor x, boolean trainFlg) {
        shape = x.shape();
        if (!trainFlg) {
            forwardMask = null;
            return TensorOps.scale(x, 1.0 - dropoutRatio);
        }
        if (mask == null || !Arrays.equals(mask.shape(), shape)) {
            mask = drawMask(shape);
        }
        forwardMask = mask;
        return TensorOps.multiply(x, mask);
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(shape, this);
        LayerState.requireShape("dout", dout, shape, this);
        return forwardMask != null ? TensorOps.multiply(dout, forwardMask) : TensorOps.scale(dout, 1.0 - dropoutRatio);
    }

    /** Makes the next training forward draw a new mask from the generator; the pending backward keeps the old one. */
    public void resample() {
        mask = null;
    }

    /** A copy of the current mask (1 kept, 0 dropped), or empty before the first training forward. */
    public Optional<Tensor> mask() {
        return Optional.ofNullable(mask).map(Tensor::copy);
    }

    public double dropoutRatio() {
        return dropoutRatio;
    }

    private Tensor drawMask(int[] s) {
        Tensor m = Tensor.zeros(s);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, random.nextDouble() > dropoutRatio ? 1.0 : 0.0);
        }
        return m;
    }
}
