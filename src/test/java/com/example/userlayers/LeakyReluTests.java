package com.example.userlayers;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.LayerContract;
import dev.gradcheck.testkit.Layers;
import dev.gradcheck.testkit.RandomTensors;
import dev.gradcheck.testkit.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The user's LeakyRelu on double[][], adapted from its methods without changing the class, gated by the contract. */
class LeakyReluTests implements LayerContract {

    @Override
    public Layer createLayer(Random random) {
        LeakyRelu relu = new LeakyRelu(0.01);
        return Layers.fromArrays("LeakyRelu", relu::forward, relu::backward);
    }

    @Override
    public List<Shape> inputShapes() {
        return List.of(Shape.of(2, 3), Shape.of(1, 5), Shape.of(6, 4));
    }

    /** Inputs at least 1e-2 (100 h) from the kink at 0. */
    @Override
    public Tensor createInput(Shape shape, Random random) {
        return RandomTensors.gaussianAwayFromZero(shape, random, 1e-2);
    }

    @Override
    public Optional<Path> baselineDirectory() {
        return UserBaselines.DIRECTORY;
    }
}
