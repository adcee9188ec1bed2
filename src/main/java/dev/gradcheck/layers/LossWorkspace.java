package dev.gradcheck.layers;

/**
 * One thread's evaluation of a loss layer, with the scores of the last {@link #forward} as the base
 * point. Same contract as {@link LayerWorkspace}: forward gives {@link LossLayer#forward}'s bits,
 * and {@link #lossWith} uses forward arithmetic only.
 */
public interface LossWorkspace {

    /** The loss of {@code scores} (row-major); they become the base point and must not change while they are. */
    double forward(double[] scores);

    /** The loss of the base scores changed by {@code scores}; an empty change gives the base loss. */
    double lossWith(Change scores);
}
