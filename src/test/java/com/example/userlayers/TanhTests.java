package com.example.userlayers;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.testkit.LayerContract;
import dev.gradcheck.testkit.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The user's Tanh, written on Tensor, gated by the contract. */
class TanhTests implements LayerContract {

    @Override
    public Layer createLayer(Random random) {
        return new Tanh();
    }

    @Override
    public List<Shape> inputShapes() {
        return List.of(Shape.of(2, 3), Shape.of(1, 7), Shape.of(4, 1), Shape.of(2, 3, 4));
    }

    @Override
    public Optional<Path> baselineDirectory() {
        return UserBaselines.DIRECTORY;
    }
}
