package com.example.userlayers;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/** The user's layers, each with one realistic bug, for {@code BrokenUserLayerTests}. */
final class BrokenUserLayers {

    private BrokenUserLayers() {
    }

    /** Dense whose bias gradient is averaged over the batch instead of summed: right only at batch 1. */
    static class DenseWithAveragedBias extends Dense {
        DenseWithAveragedBias(RealMatrix weights, RealVector bias) {
            super(weights, bias);
        }

        @Override
        public RealMatrix backward(RealMatrix dout) {
            RealMatrix dx = super.backward(dout);
            biasGradient = biasGradient.mapDivide(dout.getRowDimension());
            return dx;
        }

        @Override
        public String name() {
            return "Dense";
        }
    }

    /** Dense whose bias gradient is off by 1e-9 per element: within the tolerance, far above the rounding. */
    static class DenseWithBiasOffset extends Dense {
        DenseWithBiasOffset(RealMatrix weights, RealVector bias) {
            super(weights, bias);
        }

        @Override
        public RealMatrix backward(RealMatrix dout) {
            RealMatrix dx = super.backward(dout);
            biasGradient = biasGradient.mapAdd(1e-9);
            return dx;
        }

        @Override
        public String name() {
            return "Dense";
        }
    }

    /** Dense that adds each backward's weight gradient to the last one (micrograd's +=) instead of setting it. */
    static class DenseAccumulatingWeightGradient extends Dense {
        DenseAccumulatingWeightGradient(RealMatrix weights, RealVector bias) {
            super(weights, bias);
        }

        @Override
        public RealMatrix backward(RealMatrix dout) {
            RealMatrix before = weightGradient;
            RealMatrix dx = super.backward(dout);
            if (before != null) {
                weightGradient = weightGradient.add(before);
            }
            return dx;
        }

        @Override
        public String name() {
            return "Dense";
        }
    }

    /** LeakyRelu whose backward scales dout in place and returns it, as the book's {@code Relu.backward} does. */
    static class LeakyReluWritingIntoDout extends LeakyRelu {
        LeakyReluWritingIntoDout(double alpha) {
            super(alpha);
        }

        @Override
        public double[][] backward(double[][] dout) {
            for (int i = 0; i < dout.length; i++) {
                for (int j = 0; j < dout[i].length; j++) {
                    if (!positive[i][j]) {
                        dout[i][j] *= alpha;
                    }
                }
            }
            return dout;
        }
    }
}
