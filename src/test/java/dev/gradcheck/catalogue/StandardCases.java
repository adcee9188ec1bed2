package dev.gradcheck.catalogue;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.net.Net;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.optim.SGD;
import dev.gradcheck.support.BatchNormalizationCase;
import dev.gradcheck.support.ConvolutionCase;
import dev.gradcheck.support.DropoutCase;
import dev.gradcheck.support.Fixtures;
import dev.gradcheck.support.PoolingCase;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cases the build checks each layer on, for a layer given by its factory: the correct layer or a
 * broken one. The chapter 5 and 6/7 cases are exactly those of {@code LayerGradientCheckTests} and
 * {@code Chapter6And7GradientCheckTests} (same inputs, same seeds, same baseline ids), so the baseline
 * gate applies to them; a few extra cases without baselines reach inputs the bugs need (exact zeros,
 * |x| up to 1000, logits above exp's overflow, scores 900 apart).
 */
public final class StandardCases {

    /** (rows, cols) of LayerGradientCheckTests: batch 1, a column, square, wide and tall. */
    private static final int[][] SHAPES = {{1, 1}, {1, 7}, {4, 1}, {3, 3}, {2, 9}, {8, 3}};

    private static final long[] SEEDS = {1, 42};

    private StandardCases() {
    }

    public static List<CheckCase> mulLayer(Supplier<? extends BinaryLayer> layer) {
        return binary("MulLayer", layer);
    }

    public static List<CheckCase> addLayer(Supplier<? extends BinaryLayer> layer) {
        return binary("AddLayer", layer);
    }

    /** The parameterized cases (x ~ N(0, 1)), then x with two exact zeros (kinks, skipped) among six elements. */
    public static List<CheckCase> relu(Supplier<? extends Layer> layer) {
        List<CheckCase> cases = elementwise("Relu", 1, layer);
        Tensor zeros = Tensor.matrix(new double[] {0, 1.5, -2}, new double[] {0.25, 0, -0.75});
        cases.add(CheckCase.ungated("Relu x with exact zeros", () -> Checkable.of(layer.get(), zeros.copy(), 5)));
        return cases;
    }

    /** The parameterized cases (x ~ N(0, 3²)), then x uniform in ±1000. */
    public static List<CheckCase> sigmoid(Supplier<? extends Layer> layer) {
        List<CheckCase> cases = elementwise("Sigmoid", 3, layer);
        for (long seed : SEEDS) {
            cases.add(CheckCase.ungated("Sigmoid x uniform in ±1000, seed " + seed,
                    () -> Checkable.of(layer.get(), TestTensors.uniform(seed, -1000, 1000, 3, 4), seed)));
        }
        return cases;
    }

    /** Affine at x (rows, cols) with W (cols, 5), then at images (rows, 2, 2, cols) with W (4·cols, 3). */
    public static List<CheckCase> affine(BiFunction<Tensor, Tensor, ? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>(affineOnMatrices(layer));
        cases.addAll(affineOnImages(layer));
        return cases;
    }

    /** Affine at x (rows, cols) with W (cols, 5) only. */
    public static List<CheckCase> affineOnMatrices(BiFunction<Tensor, Tensor, ? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (long seed : SEEDS) {
                int rows = s[0], cols = s[1];
                CheckId id = CheckId.of("Affine").shape("x", rows, cols).shape("W", cols, 5).seed(seed);
                cases.add(CheckCase.gated(id.toString(), id, () -> Checkable.of(
                        layer.apply(TestTensors.gaussian(seed + 1, 0.5, cols, 5), TestTensors.gaussian(seed + 2, 0.5, 5)),
                        TestTensors.gaussian(seed, 1, rows, cols), seed)));
            }
        }
        return cases;
    }

    /** Affine at images (rows, 2, 2, cols) with W (4·cols, 3) only. */
    public static List<CheckCase> affineOnImages(BiFunction<Tensor, Tensor, ? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (long seed : SEEDS) {
                int rows = s[0], cols = s[1];
                CheckId id = CheckId.of("Affine").shape("x", rows, 2, 2, cols).shape("W", 4 * cols, 3).seed(seed);
                cases.add(CheckCase.gated(id.toString(), id, () -> Checkable.of(
                        layer.apply(TestTensors.gaussian(seed + 1, 0.5, 4 * cols, 3), TestTensors.gaussian(seed + 2, 0.5, 3)),
                        TestTensors.gaussian(seed, 1, rows, 2, 2, cols), seed)));
            }
        }
        return cases;
    }

    /**
     * The parameterized cases (scores ~ N(0, 2²) with index labels, and scores in [500, 520] with one-hot
     * labels), then logits around 1000 (beyond exp's overflow at 709.78) and rows whose label's score is
     * 900 below the row's maximum (its softmax underflows to 0).
     */
    public static List<CheckCase> softmaxWithLoss(Supplier<? extends LossLayer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (long seed : SEEDS) {
                int rows = s[0], classes = s[1] + 1;
                Labels t = Labels.indices(TestTensors.labels(seed, rows, classes));
                CheckId id = CheckId.of("SoftmaxWithLoss").shape("x", rows, classes).with("labels", "indices").seed(seed);
                cases.add(CheckCase.gated(id.toString(), id,
                        () -> Checkable.of(layer.get(), TestTensors.gaussian(seed, 2, rows, classes), t)));
            }
        }
        for (int[] s : SHAPES) {
            for (long seed : SEEDS) {
                int rows = s[0], classes = s[1] + 1;
                Labels t = Labels.oneHot(Labels.indices(TestTensors.labels(seed, rows, classes)).toOneHot(classes));
                CheckId id = CheckId.of("SoftmaxWithLoss").shape("x", rows, classes).with("scores", "500to520")
                        .with("labels", "onehot").seed(seed);
                cases.add(CheckCase.gated(id.toString(), id,
                        () -> Checkable.of(layer.get(), TestTensors.uniform(seed, 500, 520, rows, classes), t)));
            }
        }
        for (long seed : SEEDS) {
            Labels t = Labels.indices(TestTensors.labels(seed, 3, 4));
            cases.add(CheckCase.ungated("SoftmaxWithLoss logits in [990, 1010], seed " + seed,
                    () -> Checkable.of(layer.get(), TestTensors.uniform(seed, 990, 1010, 3, 4), t)));
        }
        Tensor spread = Tensor.matrix(new double[] {800, -100, 3, 0.5}, new double[] {-2, 1, 900, 0});
        cases.add(CheckCase.ungated("SoftmaxWithLoss label scores 900 below the maximum",
                () -> Checkable.of(layer.get(), spread.copy(), Labels.indices(1, 0))));
        return cases;
    }

    /** Convolution over ConvolutionCase.shapes() and two seeds; {@code layer} builds it from the case and seed. */
    public static List<CheckCase> convolution(BiFunction<ConvolutionCase, Long, ? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (ConvolutionCase c : ConvolutionCase.shapes()) {
            for (long seed : SEEDS) {
                cases.add(CheckCase.gated("Convolution " + c + ", seed " + seed, c.checkId(seed),
                        () -> Checkable.of(layer.apply(c, seed), c.input(seed), seed)));
            }
        }
        return cases;
    }

    /** Max pooling over PoolingCase.shapes() and two seeds. */
    public static List<CheckCase> pooling(Function<PoolingCase, ? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (PoolingCase c : PoolingCase.shapes()) {
            for (long seed : SEEDS) {
                cases.add(CheckCase.gated("Pooling " + c + ", seed " + seed, c.checkId(seed),
                        () -> Checkable.of(layer.apply(c), c.input(seed), seed)));
            }
        }
        return cases;
    }

    /** BatchNormalization in training mode over BatchNormalizationCase.shapes() and two seeds. */
    public static List<CheckCase> batchNormalization(BiFunction<BatchNormalizationCase, Long, ? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (BatchNormalizationCase c : BatchNormalizationCase.shapes()) {
            for (long seed : SEEDS) {
                cases.add(CheckCase.gated("BatchNormalization " + c + ", seed " + seed, c.checkId("train", seed),
                        () -> Checkable.of(layer.apply(c, seed), c.input(seed), seed)));
            }
        }
        return cases;
    }

    /** BatchNormalization in test mode, after three training batches, as Chapter6And7GradientCheckTests checks it. */
    public static List<CheckCase> batchNormalizationInTestMode(Function<BatchNormalization, ? extends Layer> testMode) {
        List<CheckCase> cases = new ArrayList<>();
        for (BatchNormalizationCase c : BatchNormalizationCase.shapes()) {
            for (long seed : SEEDS) {
                cases.add(CheckCase.gated("BatchNormalization (test mode) " + c + ", seed " + seed, c.checkId("test", seed),
                        () -> {
                            BatchNormalization layer = c.layer(seed);
                            for (long batch = 100; batch < 103; batch++) {
                                layer.forward(c.input(seed + batch));
                            }
                            return Checkable.of(testMode.apply(layer), c.input(seed), seed);
                        }));
            }
        }
        return cases;
    }

    /** Dropout in training mode over DropoutCase.shapes() and two seeds. */
    public static List<CheckCase> dropout(BiFunction<DropoutCase, Long, ? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (DropoutCase c : DropoutCase.shapes()) {
            for (long seed : SEEDS) {
                cases.add(CheckCase.gated("Dropout " + c + ", seed " + seed, c.checkId("train", seed),
                        () -> Checkable.of(layer.apply(c, seed), c.input(seed), seed)));
            }
        }
        return cases;
    }

    /** Dropout in test mode; {@code testMode} turns the case's Dropout into the layer to check. */
    public static List<CheckCase> dropoutInTestMode(Function<Dropout, ? extends Layer> testMode) {
        List<CheckCase> cases = new ArrayList<>();
        for (DropoutCase c : DropoutCase.shapes()) {
            for (long seed : SEEDS) {
                cases.add(CheckCase.gated("Dropout (test mode) " + c + ", seed " + seed, c.checkId("test", seed),
                        () -> Checkable.of(testMode.apply(c.layer(seed)), c.input(seed), seed)));
            }
        }
        return cases;
    }

    /**
     * Small nets: the book's Affine → Relu → Affine → SoftmaxWithLoss, TwoLayerNet(5, 4, 3) with weights
     * of standard deviation 1 from each seed, at a batch of 3 rows x ~ N(0, 1); {@code net} builds the
     * net under test from those weights.
     */
    public static List<CheckCase> smallNets(Function<TwoLayerNet, ? extends Net> net) {
        List<CheckCase> cases = new ArrayList<>();
        for (long seed : SEEDS) {
            cases.add(CheckCase.ungated("TwoLayerNet(5, 4, 3), batch 3, seed " + seed, () -> net.apply(
                    new TwoLayerNet(5, 4, 3, 1.0, seed)).checkable(TestTensors.gaussian(seed, 1, 3, 5),
                    Labels.indices(TestTensors.labels(seed, 3, 3)))));
        }
        return cases;
    }

    /**
     * The book's net narrowed to TwoLayerNet(784, 10, 10) (weights std 0.01, seed 42) after 10 steps of
     * SGD (lr 0.1, batch 100, seed 42) on the fixture slice, checked on the first 3 test images, as
     * {@code TrainedNetGradientCheckTests} checks it; {@code net} builds the net under test from the
     * initial weights.
     */
    public static List<CheckCase> trainedNets(Function<TwoLayerNet, ? extends Net> net) {
        return List.of(CheckCase.ungated("TwoLayerNet(784, 10, 10) after 10 SGD steps, 3 test images", () -> {
            Net trained = net.apply(new TwoLayerNet(784, 10, 10, 42));
            Trainer trainer = new Trainer(trained, new SGD(0.1), Fixtures.trainSlice(), Fixtures.testSlice(), 100, 42);
            for (int i = 0; i < 10; i++) {
                trainer.trainStep();
            }
            Dataset probe = Fixtures.firstTestImages(3);
            return trained.checkable(probe.images(), probe.labelIndices());
        }));
    }

    private static List<CheckCase> binary(String unit, Supplier<? extends BinaryLayer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (long seed : SEEDS) {
                int rows = s[0], cols = s[1];
                CheckId id = CheckId.of(unit).shape("x", rows, cols).shape("y", rows, cols).seed(seed);
                cases.add(CheckCase.gated(id.toString(), id, () -> Checkable.of(layer.get(),
                        TestTensors.gaussian(seed, 1, rows, cols), TestTensors.gaussian(seed + 1, 1, rows, cols), seed)));
            }
        }
        return cases;
    }

    private static List<CheckCase> elementwise(String unit, double std, Supplier<? extends Layer> layer) {
        List<CheckCase> cases = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (long seed : SEEDS) {
                int rows = s[0], cols = s[1];
                CheckId id = CheckId.of(unit).shape("x", rows, cols).seed(seed);
                cases.add(CheckCase.gated(id.toString(), id,
                        () -> Checkable.of(layer.get(), TestTensors.gaussian(seed, std, rows, cols), seed)));
            }
        }
        return cases;
    }
}
