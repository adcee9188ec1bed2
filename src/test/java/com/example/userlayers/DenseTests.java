package com.example.userlayers;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.LayerContract;
import dev.gradcheck.testkit.Layers;
import dev.gradcheck.testkit.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/** The user's Dense on RealMatrix, with weights (3, 4) and bias (4), gated by the contract. */
class DenseTests implements LayerContract {

    static final int IN = 3, OUT = 4;

    /** A Dense with weights and bias drawn from {@code random}, seen as a Layer. */
    static Layer dense(Random random) {
        return adapt(new Dense(gaussian(IN, OUT, random), new ArrayRealVector(gaussian(1, OUT, random).getRow(0))));
    }

    static Layer adapt(Dense dense) {
        return Layers.adapt(dense)
                .parameter("W", dense::weights, dense::weightGradient)
                .parameter("b", dense::bias, dense::biasGradient);
    }

    /** The user's layer made from tensors a property generates: W (in, out), b (out). */
    static Layer dense(Tensor W, Tensor b) {
        return adapt(new Dense(matrix(W), new ArrayRealVector(b.data())));
    }

    static RealMatrix matrix(Tensor t) {
        RealMatrix m = new Array2DRowRealMatrix(t.dim(0), t.dim(1));
        for (int r = 0; r < t.dim(0); r++) {
            for (int c = 0; c < t.dim(1); c++) {
                m.setEntry(r, c, t.get(r * t.dim(1) + c));
            }
        }
        return m;
    }

    static RealMatrix gaussian(int rows, int cols, Random random) {
        RealMatrix m = new Array2DRowRealMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.setEntry(r, c, random.nextGaussian());
            }
        }
        return m;
    }

    @Override
    public Layer createLayer(Random random) {
        return dense(random);
    }

    @Override
    public List<Shape> inputShapes() {
        return List.of(Shape.of(2, IN), Shape.of(1, IN), Shape.of(5, IN));
    }

    @Override
    public Optional<Path> baselineDirectory() {
        return UserBaselines.DIRECTORY;
    }
}
