package dev.gradcheck.layers;

/**
 * A {@link LossLayer} that opts in to fast gradient checks: it evaluates its loss in reusable
 * buffers and re-evaluates it when a few scores change, recomputing only the rows they touch.
 */
public interface IncrementalLossLayer extends LossLayer {

    /** A workspace for one thread, for scores of shape {@code scoreShape} and labels {@code t}. */
    LossWorkspace workspace(int[] scoreShape, Labels t);
}
