package dev.gradcheck.layers;

import dev.gradcheck.tensor.MatrixProduct;

/**
 * One thread's evaluation of {@link Affine}: {@code out = x·W + b} in reusable buffers, W held as
 * an array of rows for {@link MatrixProduct#multiplyRows} (the bits of {@code TensorOps.dot}, with
 * the zeros of x skipped while W is finite).
 *
 * <p>It keeps the product {@code P = x·W} apart from the bias, so a change of {@code b[j]} is
 * {@code P[r][j] + b'[j]}, the bits of a full forward. A change of {@code W[i][j]} touches column j
 * only: {@code P[r][j] + x[r][i]·(W'[i][j] - W[i][j])}, and none at all in the rows where
 * {@code x[r][i] = 0}. A change of input elements in row r is a rank-one update of that row:
 * {@code P[r][c] + Σ (x'[r][i] - x[r][i])·W[i][c]}. These two agree with a full forward up to
 * rounding.
 */
final class AffineWorkspace implements LayerWorkspace {

    private final int rows, in, out;

    /** This workspace's W, as {@code in} rows of length {@code out}, and b. */
    private final double[][] W;
    private final double[] b;

    /** {@code x·W} of the base point, before the bias, one array per row. */
    private final double[][] product;

    /** The base output {@code product + b}, row-major. */
    private final double[] output;

    /** The base input, flattened to (rows, in). */
    private double[] x;

    /** Number of elements of W that are NaN or infinite; the product skips zeros of x only when there are none. */
    private int nonFiniteW;

    /** One output row being updated by {@link #inputChanged}. */
    private final double[] rowScratch;

    AffineWorkspace(int rows, double[] W, double[] b, int in, int out) {
        this.rows = rows;
        this.in = in;
        this.out = out;
        this.W = MatrixProduct.rows(W, in, out);
        this.b = b.clone();
        this.product = new double[rows][out];
        this.output = new double[rows * out];
        this.rowScratch = new double[out];
        for (double w : W) {
            nonFiniteW += Double.isFinite(w) ? 0 : 1;
        }
    }

    @Override
    public int[] outputShape() {
        return new int[] {rows, out};
    }

    @Override
    public double parameter(int p, int i) {
        return p == 0 ? W[row(p, i)][i % out] : b[column(p, i)];
    }

    @Override
    public void setParameter(int p, int i, double v) {
        if (p == 0) {
            double[] w = W[row(p, i)];
            nonFiniteW += (Double.isFinite(v) ? 0 : 1) - (Double.isFinite(w[i % out]) ? 0 : 1);
            w[i % out] = v;
        } else {
            b[column(p, i)] = v;
        }
    }

    @Override
    public double[] forward(double[] input) {
        x = input;
        MatrixProduct.multiplyRows(input, W, product, rows, in, out, nonFiniteW == 0);
        for (int r = 0; r < rows; r++) {
            double[] pr = product[r];
            int o = r * out;
            for (int c = 0; c < out; c++) {
                output[o + c] = pr[c] + b[c];
            }
        }
        return output;
    }

    @Override
    public void inputChanged(Change changed, Change result) {
        int k = 0;
        while (k < changed.count()) {
            int r = changed.index(k) / in;
            System.arraycopy(product[r], 0, rowScratch, 0, out);
            for (; k < changed.count() && changed.index(k) / in == r; k++) {
                double delta = changed.value(k) - x[changed.index(k)];
                double[] wi = W[changed.index(k) - r * in];
                for (int c = 0; c < out; c++) {
                    rowScratch[c] += delta * wi[c];
                }
            }
            for (int c = 0; c < out; c++) {
                result.addIfChanged(r * out + c, rowScratch[c] + b[c], output[r * out + c]);
            }
        }
    }

    @Override
    public void parameterChanged(int p, int index, double v, Change result) {
        if (p == 1) {
            int j = column(p, index);
            for (int r = 0; r < rows; r++) {
                result.addIfChanged(r * out + j, product[r][j] + v, output[r * out + j]);
            }
            return;
        }
        int i = row(p, index);
        int j = index % out;
        double delta = v - W[i][j];
        for (int r = 0; r < rows; r++) {
            double xi = x[r * in + i];
            if (xi != 0) {
                result.addIfChanged(r * out + j, (product[r][j] + xi * delta) + b[j], output[r * out + j]);
            }
        }
    }

    private int row(int p, int i) {
        if (p != 0 || i < 0 || i >= in * out) {
            throw new IndexOutOfBoundsException("Affine: no element " + i + " in parameter " + p + " (W has " + in * out + ")");
        }
        return i / out;
    }

    private int column(int p, int i) {
        if (p != 1 || i < 0 || i >= out) {
            throw new IndexOutOfBoundsException("Affine: no element " + i + " in parameter " + p + " (b has " + out + ")");
        }
        return i;
    }
}
