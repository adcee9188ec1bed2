package dev.gradcheck.numerics;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.AddLayer;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.MulLayer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.layers.Tanh;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.support.BatchNormalizationCase;
import dev.gradcheck.support.ConvolutionCase;
import dev.gradcheck.support.DropoutCase;
import dev.gradcheck.support.Fixtures;
import dev.gradcheck.support.PoolingCase;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A correct unit to run the numerics on: every layer (chapters 5 to 7, Tanh) and the book's net, over
 * the shapes the gradient-check tests use. {@code unit} builds a fresh Checkable (they are stateful).
 *
 * @param layer the layer's name, the table's row
 * @param id    the case: shapes and seed
 * @param unit  a fresh unit at the case's point
 */
public record UnitCase(String layer, String id, Supplier<Checkable> unit) {

    /** (rows, cols) of chapter-5 inputs: batch 1, a column, square, wide and tall. */
    private static final int[][] SHAPES = {{1, 1}, {1, 7}, {4, 1}, {3, 3}, {2, 9}, {8, 3}};

    @Override
    public String toString() {
        return layer + " " + id;
    }

    /** Every layer over every shape of its gradient-check tests, and the book's net, at {@code seed}. */
    public static List<UnitCase> everyShape(long seed) {
        List<UnitCase> cases = new ArrayList<>();
        for (int[] s : SHAPES) {
            cases.addAll(chapter5(s[0], s[1], seed));
        }
        for (ConvolutionCase c : ConvolutionCase.shapes()) {
            cases.add(new UnitCase("Convolution", c + ", seed " + seed, () -> Checkable.of(c.layer(seed), c.input(seed), seed)));
        }
        for (PoolingCase c : PoolingCase.shapes()) {
            cases.add(new UnitCase("Pooling", c + ", seed " + seed, () -> Checkable.of(c.layer(), c.input(seed), seed)));
        }
        for (BatchNormalizationCase c : BatchNormalizationCase.shapes()) {
            cases.add(new UnitCase("BatchNormalization", c + ", seed " + seed,
                    () -> Checkable.of(c.layer(seed), c.input(seed), seed)));
            cases.add(batchNormalizationInTestMode(c, seed));
        }
        for (DropoutCase c : DropoutCase.shapes()) {
            cases.add(new UnitCase("Dropout", c + ", seed " + seed, () -> Checkable.of(c.layer(seed), c.input(seed), seed)));
        }
        cases.add(net(seed));
        return cases;
    }

    /** One representative case per layer (the middle shape of each list) and the book's net, at {@code seed}. */
    public static List<UnitCase> representative(long seed) {
        List<UnitCase> cases = new ArrayList<>(chapter5(3, 3, seed));
        ConvolutionCase conv = ConvolutionCase.shapes().get(1);
        cases.add(new UnitCase("Convolution", conv + ", seed " + seed, () -> Checkable.of(conv.layer(seed), conv.input(seed), seed)));
        PoolingCase pool = PoolingCase.shapes().get(3);
        cases.add(new UnitCase("Pooling", pool + ", seed " + seed, () -> Checkable.of(pool.layer(), pool.input(seed), seed)));
        BatchNormalizationCase bn = BatchNormalizationCase.shapes().get(3);
        cases.add(new UnitCase("BatchNormalization", bn + ", seed " + seed, () -> Checkable.of(bn.layer(seed), bn.input(seed), seed)));
        DropoutCase dropout = DropoutCase.shapes().get(2);
        cases.add(new UnitCase("Dropout", dropout + ", seed " + seed,
                () -> Checkable.of(dropout.layer(seed), dropout.input(seed), seed)));
        cases.add(net(seed));
        return cases;
    }

    /** The chapter-5 layers and Tanh at input (rows, cols), with the inputs of LayerGradientCheckTests. */
    static List<UnitCase> chapter5(int rows, int cols, long seed) {
        String id = "x (" + rows + ", " + cols + "), seed " + seed;
        List<UnitCase> cases = new ArrayList<>();
        cases.add(new UnitCase("MulLayer", id, () -> Checkable.of(new MulLayer(), TestTensors.gaussian(seed, 1, rows, cols),
                TestTensors.gaussian(seed + 1, 1, rows, cols), seed)));
        cases.add(new UnitCase("AddLayer", id, () -> Checkable.of(new AddLayer(), TestTensors.gaussian(seed, 1, rows, cols),
                TestTensors.gaussian(seed + 1, 1, rows, cols), seed)));
        cases.add(new UnitCase("Relu", id, () -> Checkable.of(new Relu(), TestTensors.gaussian(seed, 1, rows, cols), seed)));
        cases.add(new UnitCase("Sigmoid", id, () -> Checkable.of(new Sigmoid(), TestTensors.gaussian(seed, 3, rows, cols), seed)));
        cases.add(new UnitCase("Tanh", id, () -> Checkable.of(new Tanh(), TestTensors.gaussian(seed, 2, rows, cols), seed)));
        cases.add(new UnitCase("Affine", id + ", W (" + cols + ", 5)", () -> Checkable.of(
                new Affine(TestTensors.gaussian(seed + 1, 0.5, cols, 5), TestTensors.gaussian(seed + 2, 0.5, 5)),
                TestTensors.gaussian(seed, 1, rows, cols), seed)));
        int classes = cols + 1;
        cases.add(new UnitCase("SoftmaxWithLoss", "x (" + rows + ", " + classes + "), seed " + seed, () -> Checkable.of(
                new SoftmaxWithLoss(), TestTensors.gaussian(seed, 2, rows, classes),
                Labels.indices(TestTensors.labels(seed, rows, classes)))));
        return cases;
    }

    /** The book's TwoLayerNet(784, 50, 10) on the first 3 test images of the fixture slice. */
    static UnitCase net(long seed) {
        return new UnitCase("TwoLayerNet", "(784, 50, 10), 3 fixture images, seed " + seed, () -> {
            Dataset images = Fixtures.firstTestImages(3);
            Tensor x = images.images();
            return new TwoLayerNet(784, 50, 10, seed).checkable(x, images.labelIndices());
        });
    }

    /** A batch-normalization layer in test mode after three training batches, as its gradient-check test does. */
    static UnitCase batchNormalizationInTestMode(BatchNormalizationCase c, long seed) {
        return new UnitCase("BatchNormalization (test mode)", c + ", seed " + seed, () -> {
            BatchNormalization layer = c.layer(seed);
            for (long batch = 100; batch < 103; batch++) {
                layer.forward(c.input(seed + batch));
            }
            return Checkable.of(layer.inTestMode(), c.input(seed), seed);
        });
    }
}
