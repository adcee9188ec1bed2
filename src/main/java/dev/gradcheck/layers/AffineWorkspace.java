package dev.gradcheck.layers;

import dev.gradcheck.tensor.MatrixProduct;

/**
 * One thread's evaluation of {@link Affine}: {@code out = x·W + b} in reusable buffers.
 *
 * <p>It keeps the product {@code P = x·W} apart from the bias, so a change of {@code b[j]} is
 * {@code P[r][j] + b'[j]}, the bits of a full forward. A change of {@code W[i][j]} touches column j
 * only: {@code P[r][j] + x[r][i]·(W'[i][j] - W[i][j])}. A change of input elements in row r is a
 * rank-one update of that row: {@code P[r][c] + Σ (x'[r][i] - x[r][i])·W[i][c]}. These two agree
 * with a full forward up to rounding.
 */
final class AffineWorkspace implements LayerWorkspace {

    private final int rows, in, out;
    private final double[] W, b;

    /** {@code x·W} of the base point, before the bias. */
    private final double[] product;

    /** The base output {@code product + b}. */
    private final double[] output;

    /** The base input, flattened to (rows, in). */
    private double[] x;

    /** One output row being updated by {@link #inputChanged}. */
    private final double[] rowScratch;

    AffineWorkspace(int rows, double[] W, double[] b, int in, int out) {
        this.rows = rows;
        this.in = in;
        this.out = out;
        this.W = W;
        this.b = b;
        this.product = new double[rows * out];
        this.output = new double[rows * out];
        this.rowScratch = new double[out];
    }

    @Override
    public int[] outputShape() {
        return new int[] {rows, out};
    }

    @Override
    public double[] parameter(int p) {
        return switch (p) {
            case 0 -> W;
            case 1 -> b;
            default -> throw new IndexOutOfBoundsException("Affine has parameters 0 (W) and 1 (b), not " + p);
        };
    }

    @Override
    public double[] forward(double[] input) {
        x = input;
        MatrixProduct.multiply(input, W, product, rows, in, out);
        for (int i = 0; i < output.length; i++) {
            output[i] = product[i] + b[i % out];
        }
        return output;
    }

    @Override
    public void inputChanged(Change changed, Change result) {
        int k = 0;
        while (k < changed.count()) {
            int r = changed.index(k) / in;
            System.arraycopy(product, r * out, rowScratch, 0, out);
            for (; k < changed.count() && changed.index(k) / in == r; k++) {
                int i = changed.index(k) - r * in;
                double delta = changed.value(k) - x[changed.index(k)];
                int wi = i * out;
                for (int c = 0; c < out; c++) {
                    rowScratch[c] += delta * W[wi + c];
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
            for (int r = 0; r < rows; r++) {
                result.addIfChanged(r * out + index, product[r * out + index] + v, output[r * out + index]);
            }
            return;
        }
        parameter(p);
        int i = index / out;
        int j = index % out;
        double delta = v - W[index];
        for (int r = 0; r < rows; r++) {
            double xi = x[r * in + i];
            if (xi != 0) {
                result.addIfChanged(r * out + j, (product[r * out + j] + xi * delta) + b[j], output[r * out + j]);
            }
        }
    }
}
