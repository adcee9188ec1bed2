package com.example.userlayers;

import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.testkit.Layers;
import dev.gradcheck.testkit.LossContract;
import dev.gradcheck.testkit.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The user's mean squared error on double[][], gated by the loss contract. */
class MeanSquaredErrorTests implements LossContract {

    @Override
    public TargetLossLayer createLoss(Random random) {
        return Layers.adapt(new MeanSquaredError());
    }

    @Override
    public List<Shape> inputShapes() {
        return List.of(Shape.of(3, 4), Shape.of(1, 1), Shape.of(5, 2));
    }

    @Override
    public Optional<Path> baselineDirectory() {
        return UserBaselines.DIRECTORY;
    }
}
