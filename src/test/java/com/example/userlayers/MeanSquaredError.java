package com.example.userlayers;

import dev.gradcheck.testkit.DoubleArrayLoss;

/**
 * A user's mean squared error on {@code double[][]}: {@code L = ½·Σ (y - t)² / N} over a batch of N
 * rows (the book's {@code mean_squared_error}, averaged over the batch); {@code dy = dout·(y - t) / N}.
 */
public class MeanSquaredError implements DoubleArrayLoss {

    private double[][] diff;

    @Override
    public double forward(double[][] y, double[][] t) {
        int n = y.length;
        diff = new double[n][];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            diff[i] = new double[y[i].length];
            for (int j = 0; j < y[i].length; j++) {
                diff[i][j] = y[i][j] - t[i][j];
                sum += diff[i][j] * diff[i][j];
            }
        }
        return 0.5 * sum / n;
    }

    @Override
    public double[][] backward(double dout) {
        int n = diff.length;
        double[][] dy = new double[n][];
        for (int i = 0; i < n; i++) {
            dy[i] = new double[diff[i].length];
            for (int j = 0; j < diff[i].length; j++) {
                dy[i][j] = dout * diff[i][j] / n;
            }
        }
        return dy;
    }
}
