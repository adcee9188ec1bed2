package dev.gradcheck.layers;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import java.util.List;

/**
 * Batch normalization of a batch x (N, D): {@code out = gamma·(x - μ)/√(σ² + ε) + beta} per feature,
 * with μ and σ² the batch's mean and variance in training and the running ones at test time. Book §6.3,
 * {@code common/layers.py} class {@code BatchNormalization}; ε is the book's {@code 10e-7}.
 *
 * <p>Input of higher rank, such as images (N, C, H, W), is flattened to (N, C·H·W) as the book does:
 * every pixel of every channel is its own feature, so gamma and beta have C·H·W entries.
 *
 * <p>Backward is the book's: through xn, the standard deviation and the mean, in that order. After a
 * test-mode forward, where μ and σ² are constants, it is {@code dx = gamma·dout/√(σ² + ε)}.
 *
 * <p>Running statistics: every training forward moves them, {@code running = momentum·running +
 * (1 - momentum)·batch}, starting from zeros as the book does unless given. This state changes on every
 * call, but the training-mode output never reads it, so forward stays a deterministic function of x,
 * gamma and beta, as the gradient checker requires. A check runs hundreds of training forwards at
 * perturbed inputs, so the running statistics after a check are a blend of those batches: check a
 * copy of a trained layer's statistics, or check before training.
 */
public final class BatchNormalization implements TrainFlagLayer {

    /** The book's {@code 10e-7}, added to the variance before the square root. */
    public static final double EPS = 10e-7;

    /** Scale and shift, one entry per feature. */
    private final Parameter gamma, beta;

    /** Weight of the old running statistics in each update; the book's default is 0.9. */
    private final double momentum;

    /** Running mean and variance (D); null until the first forward unless given. */
    private double[] runningMean, runningVar;

    /** What backward needs from the last forward. */
    private FeatureStatistics cache;

    /** Shape of the last forward's input. */
    private int[] inputShape;

    /** A layer with parameters named {@code gamma} and {@code beta}, momentum 0.9, running statistics from zeros. */
    public BatchNormalization(Tensor gamma, Tensor beta) {
        this(new Parameter("gamma", gamma), new Parameter("beta", beta), 0.9, null, null);
    }

    /** The book's constructor; runningMean and runningVar may be null (zeros of the first batch's width), and are copied. */
    public BatchNormalization(Parameter gamma, Parameter beta, double momentum, Tensor runningMean, Tensor runningVar) {
        gamma.value().requireRank(1, "BatchNormalization: " + gamma.name());
        requireFeatures(beta.value(), gamma, beta.name());
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNormalization: momentum must be in [0, 1], got " + momentum);
        }
        if ((runningMean == null) != (runningVar == null)) {
            throw new IllegalArgumentException("BatchNormalization: give both runningMean and runningVar, or neither");
        }
        if (runningMean != null) {
            requireFeatures(runningMean, gamma, "runningMean");
            requireFeatures(runningVar, gamma, "runningVar");
            this.runningMean = runningMean.data().clone();
            this.runningVar = runningVar.data().clone();
        }
        this.gamma = gamma;
        this.beta = beta;
        this.momentum = momentum;
    }

    @Override
    public Tensor forward(Tensor x, boolean trainFlg) {
        Tensor x2 = flatten(x);
        int d = x2.dim(1);
        if (runningMean == null) {
            runningMean = new double[d];
            runningVar = new double[d];
        }
        FeatureStatistics s;
        if (trainFlg) {
            s = FeatureStatistics.ofBatch(x2, EPS);
            updateRunning(s);
        } else {
            s = FeatureStatistics.of(x2, runningMean, runningVar, EPS);
        }
        cache = s;
        inputShape = x.shape();
        return s.scaleAndShift(gamma.value().data(), beta.value().data()).reshape(inputShape);
    }

    @Override
    public Tensor backward(Tensor dout) {
        LayerState.requireForward(cache, this);
        LayerState.requireShape("dout", dout, inputShape, this);
        Tensor d2 = dout.reshape(cache.rows(), cache.features());
        beta.setGrad(cache.sumRows(d2, false));
        gamma.setGrad(cache.sumRows(d2, true));
        return cache.backward(d2, gamma.value().data()).reshape(inputShape);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    /** A copy of the running mean (D), or null before the first forward when none was given. */
    public Tensor runningMean() {
        return runningMean == null ? null : Tensor.vector(runningMean);
    }

    /** A copy of the running variance (D), or null before the first forward when none was given. */
    public Tensor runningVar() {
        return runningVar == null ? null : Tensor.vector(runningVar);
    }

    private void updateRunning(FeatureStatistics s) {
        for (int j = 0; j < runningMean.length; j++) {
            runningMean[j] = momentum * runningMean[j] + (1 - momentum) * s.mean(j);
            runningVar[j] = momentum * runningVar[j] + (1 - momentum) * s.variance(j);
        }
    }

    /** x as (N, D), checked against gamma's D. */
    private Tensor flatten(Tensor x) {
        if (x.rank() < 2) {
            throw new ShapeException("BatchNormalization.forward: x must be a batch (N, ...) but has shape " + x.shapeString());
        }
        int features = x.size() / x.dim(0);
        if (features != gamma.value().dim(0)) {
            throw new ShapeException("BatchNormalization.forward: x has shape " + x.shapeString() + " (" + features
                    + " features per row) but " + gamma.name() + " has shape " + gamma.value().shapeString()
                    + "; gamma and beta need one entry per feature");
        }
        return x.reshape(x.dim(0), features);
    }

    private static void requireFeatures(Tensor t, Parameter gamma, String name) {
        if (t.rank() != 1 || t.dim(0) != gamma.value().dim(0)) {
            throw new ShapeException("BatchNormalization: " + name + " has shape " + t.shapeString() + " but "
                    + gamma.name() + " has shape " + gamma.value().shapeString() + "; they must be equal");
        }
    }
}
