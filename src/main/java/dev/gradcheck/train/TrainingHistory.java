package dev.gradcheck.train;

import java.util.List;

/**
 * What a training run recorded.
 *
 * @param epochs      the evaluations, in order; the last one follows the last iteration
 * @param batchLosses the loss of each mini-batch right after its update (the book's {@code train_loss_list})
 */
public record TrainingHistory(List<EpochResult> epochs, double[] batchLosses) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
        batchLosses = batchLosses.clone();
    }

    /** The evaluation after the last iteration. */
    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }
}
