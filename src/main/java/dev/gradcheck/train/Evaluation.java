package dev.gradcheck.train;

/**
 * Loss and accuracy of a net on a whole data set, from one forward pass.
 *
 * @param loss     mean cross-entropy loss
 * @param accuracy fraction of examples whose highest score is their label
 */
public record Evaluation(double loss, double accuracy) {
}
