package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;

/**
 * A batch x (N, D) normalized per feature, {@code xn = (x - μ)/√(σ² + ε)}, with what
 * {@link BatchNormalization}'s backward needs. μ and σ² are either the batch's own (training) or given
 * constants (test time); the two differ in backward, since only the batch's depend on x.
 */
final class FeatureStatistics {

    private final int rows, features;

    /** Whether μ and σ² are the batch's own. */
    private final boolean ofBatch;

    /** Per feature: mean, variance and {@code √(σ² + ε)}. */
    private final double[] mean, variance, std;

    /** {@code x - μ} and {@code xc/std}, (N, D) row-major. */
    private final double[] xc, xn;

    private FeatureStatistics(Tensor x, double[] mean, double[] variance, double eps, boolean ofBatch) {
        this.rows = x.dim(0);
        this.features = x.dim(1);
        this.ofBatch = ofBatch;
        this.mean = mean;
        this.variance = variance;
        this.std = new double[features];
        this.xc = new double[x.size()];
        this.xn = new double[x.size()];
        double[] d = x.data();
        for (int j = 0; j < features; j++) {
            std[j] = Math.sqrt(variance[j] + eps);
        }
        for (int i = 0; i < d.length; i++) {
            xc[i] = d[i] - mean[i % features];
            xn[i] = xc[i] / std[i % features];
        }
    }

    /** Normalized by the batch's own mean and (biased) variance: training mode. */
    static FeatureStatistics ofBatch(Tensor x, double eps) {
        int n = x.dim(0);
        int d = x.dim(1);
        double[] data = x.data();
        double[] mu = new double[d];
        for (int i = 0; i < data.length; i++) {
            mu[i % d] += data[i];
        }
        double[] var = new double[d];
        for (int j = 0; j < d; j++) {
            mu[j] /= n;
        }
        for (int i = 0; i < data.length; i++) {
            double c = data[i] - mu[i % d];
            var[i % d] += c * c;
        }
        for (int j = 0; j < d; j++) {
            var[j] /= n;
        }
        return new FeatureStatistics(x, mu, var, eps, true);
    }

    /** Normalized by the given mean and variance (not modified): test mode. */
    static FeatureStatistics of(Tensor x, double[] mean, double[] variance, double eps) {
        return new FeatureStatistics(x, mean.clone(), variance.clone(), eps, false);
    }

    int rows() {
        return rows;
    }

    int features() {
        return features;
    }

    double mean(int j) {
        return mean[j];
    }

    double variance(int j) {
        return variance[j];
    }

    /** {@code gamma·xn + beta}, (N, D). */
    Tensor scaleAndShift(double[] gamma, double[] beta) {
        Tensor out = Tensor.zeros(rows, features);
        double[] o = out.data();
        for (int i = 0; i < o.length; i++) {
            o[i] = gamma[i % features] * xn[i] + beta[i % features];
        }
        return out;
    }

    /** {@code Σ_rows dout·xn} (dgamma) when {@code timesXn}, else {@code Σ_rows dout} (dbeta). */
    Tensor sumRows(Tensor dout, boolean timesXn) {
        Tensor s = Tensor.zeros(features);
        double[] d = dout.data();
        double[] o = s.data();
        for (int i = 0; i < d.length; i++) {
            o[i % features] += timesXn ? d[i] * xn[i] : d[i];
        }
        return s;
    }

    /** dx for {@code out = gamma·xn + beta}: the book's chain through xn, std and μ, or {@code gamma·dout/std} at test time. */
    Tensor backward(Tensor dout, double[] gamma) {
        double[] d = dout.data();
        Tensor dx = Tensor.zeros(rows, features);
        double[] dxc = dx.data();
        double[] dstd = new double[features];
        for (int i = 0; i < d.length; i++) {
            double dxn = gamma[i % features] * d[i];
            dxc[i] = dxn / std[i % features];
            dstd[i % features] -= dxn * xc[i] / (std[i % features] * std[i % features]);
        }
        if (ofBatch) {
            subtractBatchTerms(dxc, dstd);
        }
        return dx;
    }

    /** {@code dxc += (2/N)·xc·dvar} with {@code dvar = dstd/(2·std)}, then {@code dx = dxc - Σ_rows dxc / N}. */
    private void subtractBatchTerms(double[] dxc, double[] dstd) {
        double[] dmu = new double[features];
        for (int i = 0; i < dxc.length; i++) {
            double dvar = 0.5 * dstd[i % features] / std[i % features];
            dxc[i] += (2.0 / rows) * xc[i] * dvar;
            dmu[i % features] += dxc[i];
        }
        for (int i = 0; i < dxc.length; i++) {
            dxc[i] -= dmu[i % features] / rows;
        }
    }
}
