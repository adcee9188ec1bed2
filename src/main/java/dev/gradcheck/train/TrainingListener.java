package dev.gradcheck.train;

/** Hears of a training run's progress: a progress bar, a log, a test's probe. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** After training step {@code iteration} (counted from 1), with the mini-batch's loss after its update. */
    default void onStep(int iteration, double loss) {
    }

    /** After each evaluation. */
    default void onEpoch(EpochResult result) {
    }
}
