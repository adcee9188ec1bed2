package dev.gradcheck.train;

/**
 * One evaluation during training, taken as the book takes it: after iteration i (counted from 0)
 * whenever {@code i % iterPerEpoch == 0}, and once more after the last iteration.
 *
 * @param epoch      {@code i / iterPerEpoch}: a whole number at an epoch boundary
 * @param iterations training steps done, i + 1
 * @param train      loss and accuracy on the whole training set
 * @param test       loss and accuracy on the whole test set
 */
public record EpochResult(double epoch, int iterations, Evaluation train, Evaluation test) {
}
