package dev.gradcheck.train;

import dev.gradcheck.data.Dataset;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.net.Net;
import dev.gradcheck.optim.Optimizer;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The book's mini-batch training loop ({@code ch05/train_neuralnet.py}, generalised to any
 * optimiser as {@code common/trainer.py}): draw a batch with replacement, backpropagate, update,
 * record the batch's loss; evaluate train and test accuracy once per epoch of
 * {@code max(trainSize / batchSize, 1)} iterations.
 *
 * <p>Every step is sequential and seeded, so the same net, optimiser, data and seed give the same
 * weights bit for bit.
 */
public final class Trainer {

    /** The net being trained; its parameters are updated in place. */
    private final Net network;

    /** Updates the parameters from each step's gradients. */
    private final Optimizer optimizer;

    /** Training and test examples; batches are drawn from train, both are evaluated. */
    private final Dataset train, test;

    /** Draws the mini-batches. */
    private final MiniBatchSampler sampler;

    /** Iterations between evaluations: the book's {@code iter_per_epoch}, in whole iterations. */
    private final int iterPerEpoch;

    /** Training steps done so far. */
    private int steps;

    /**
     * @param batchSize examples per step, between 1 and the number of training examples
     * @param seed      seed of the mini-batch sampling (the net's initialisation has its own)
     */
    public Trainer(Net network, Optimizer optimizer, Dataset train, Dataset test, int batchSize, long seed) {
        if (train.features() != test.features()) {
            throw new IllegalArgumentException("training images have " + train.features()
                    + " pixels but test images have " + test.features());
        }
        this.network = network;
        this.optimizer = optimizer;
        this.train = train;
        this.test = test;
        this.sampler = new MiniBatchSampler(train, batchSize, seed);
        this.iterPerEpoch = Math.max(train.size() / batchSize, 1);
    }

    public int iterPerEpoch() {
        return iterPerEpoch;
    }

    /** Training steps done so far. */
    public int steps() {
        return steps;
    }

    /** One step: sample a batch, backpropagate, update; returns the batch's loss after the update, as the book records it. */
    public double trainStep() {
        Dataset batch = sampler.next();
        Labels t = batch.labelIndices();
        Map<String, Tensor> grads = network.gradient(batch.images(), t);
        optimizer.update(network.params(), grads);
        steps++;
        return network.loss(batch.images(), t);
    }

    /**
     * {@code iterations} steps, evaluating on the whole training and test sets once per epoch and
     * after the last step. Stops with an {@link ArithmeticException} as soon as a batch loss is not finite.
     */
    public TrainingHistory train(int iterations, TrainingListener listener) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        double[] losses = new double[iterations];
        List<EpochResult> epochs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            losses[i] = trainStep();
            if (!Double.isFinite(losses[i])) {
                throw new ArithmeticException("training diverged: the mini-batch loss is " + losses[i]
                        + " after iteration " + (i + 1) + " with " + optimizer + "; try a smaller learning rate");
            }
            listener.onStep(i + 1, losses[i]);
            if (i % iterPerEpoch == 0 || i == iterations - 1) {
                EpochResult result = new EpochResult((double) i / iterPerEpoch, i + 1, evaluate(train), evaluate(test));
                epochs.add(result);
                listener.onEpoch(result);
            }
        }
        return new TrainingHistory(epochs, losses);
    }

    /** Loss and accuracy of the net on {@code data}, from one forward pass. */
    public Evaluation evaluate(Dataset data) {
        Tensor scores = network.predict(data.images());
        double loss = new SoftmaxWithLoss().forward(scores, data.labelIndices());
        int[] predicted = TensorOps.argmaxRows(scores);
        int correct = 0;
        for (int r = 0; r < predicted.length; r++) {
            correct += predicted[r] == data.labels()[r] ? 1 : 0;
        }
        return new Evaluation(loss, (double) correct / predicted.length);
    }
}
