package com.example.userlayers;

import dev.gradcheck.testkit.RealMatrixLayer;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A user's fully connected layer on Commons Math: {@code out = x·W + b} with weights W (in, out) and
 * bias b (out), two parameters of different shapes. Backward: {@code dx = dout·Wᵀ},
 * {@code dW = xᵀ·dout}, {@code db = Σ_rows dout}.
 */
public class Dense implements RealMatrixLayer {

    private final RealMatrix weights;
    private final RealVector bias;
    protected RealMatrix weightGradient;
    protected RealVector biasGradient;
    private RealMatrix x;

    public Dense(RealMatrix weights, RealVector bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public RealMatrix weights() {
        return weights;
    }

    public RealVector bias() {
        return bias;
    }

    public RealMatrix weightGradient() {
        return weightGradient;
    }

    public RealVector biasGradient() {
        return biasGradient;
    }

    @Override
    public RealMatrix forward(RealMatrix x) {
        this.x = x.copy();
        RealMatrix out = x.multiply(weights);
        for (int r = 0; r < out.getRowDimension(); r++) {
            out.setRowVector(r, out.getRowVector(r).add(bias));
        }
        return out;
    }

    @Override
    public RealMatrix backward(RealMatrix dout) {
        weightGradient = x.transpose().multiply(dout);
        biasGradient = new ArrayRealVector(dout.getColumnDimension());
        for (int r = 0; r < dout.getRowDimension(); r++) {
            biasGradient = biasGradient.add(dout.getRowVector(r));
        }
        return dout.multiply(weights.transpose());
    }
}
