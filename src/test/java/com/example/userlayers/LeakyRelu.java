package com.example.userlayers;

/**
 * A user's leaky ReLU on plain {@code double[][]}, written without gradcheck in mind:
 * {@code out = x} where x &gt; 0, else {@code alpha·x}. Checked through {@code Layers.fromArrays}.
 */
public class LeakyRelu {

    protected final double alpha;

    /** Whether each input was positive in the last forward. */
    protected boolean[][] positive;

    public LeakyRelu(double alpha) {
        this.alpha = alpha;
    }

    public double[][] forward(double[][] x) {
        positive = new boolean[x.length][];
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            positive[i] = new boolean[x[i].length];
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                positive[i][j] = x[i][j] > 0;
                out[i][j] = positive[i][j] ? x[i][j] : alpha * x[i][j];
            }
        }
        return out;
    }

    public double[][] backward(double[][] dout) {
        double[][] dx = new double[dout.length][];
        for (int i = 0; i < dout.length; i++) {
            dx[i] = new double[dout[i].length];
            for (int j = 0; j < dout[i].length; j++) {
                dx[i][j] = positive[i][j] ? dout[i][j] : alpha * dout[i][j];
            }
        }
        return dx;
    }
}
