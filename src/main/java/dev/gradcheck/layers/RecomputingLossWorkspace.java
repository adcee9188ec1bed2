package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;

/**
 * The fallback workspace of a loss layer that is not an {@link IncrementalLossLayer}: every
 * evaluation runs the layer's own forward on the changed scores. One thread only.
 */
public final class RecomputingLossWorkspace implements LossWorkspace {

    private final LossLayer layer;
    private final int[] scoreShape;
    private final Labels t;
    private double[] scores, scratch;
    private double base;

    private RecomputingLossWorkspace(LossLayer layer, int[] scoreShape, Labels t) {
        this.layer = layer;
        this.scoreShape = scoreShape.clone();
        this.t = t;
    }

    /** The layer's own workspace if it is an {@link IncrementalLossLayer}, else this fallback. */
    public static LossWorkspace of(LossLayer layer, int[] scoreShape, Labels t) {
        return layer instanceof IncrementalLossLayer incremental
                ? incremental.workspace(scoreShape, t) : new RecomputingLossWorkspace(layer, scoreShape, t);
    }

    @Override
    public double forward(double[] x) {
        scores = x;
        scratch = x.clone();
        base = layer.forward(Tensor.wrap(x, scoreShape), t);
        return base;
    }

    @Override
    public double lossWith(Change change) {
        if (change.count() == 0) {
            return base;
        }
        for (int k = 0; k < change.count(); k++) {
            scratch[change.index(k)] = change.value(k);
        }
        try {
            return layer.forward(Tensor.wrap(scratch, scoreShape), t);
        } finally {
            System.arraycopy(scores, 0, scratch, 0, scores.length);
        }
    }
}
