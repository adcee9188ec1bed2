package dev.gradcheck.testkit;

import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;

/**
 * jqwik arbitraries for gradient-check properties: sizes, shapes, tensors, labels, and whole
 * cases (a layer with generated parameters at a generated input).
 *
 * <p>Everything is built from jqwik's own arbitraries with {@code combine}, never from an opaque
 * random seed, so a failing case shrinks: sizes toward 1, values toward 0 and toward few digits.
 * A tensor of a generated shape is cut from the end of a pool of values of the largest size,
 * combined with the shape: when jqwik tries a smaller shape, the tensor keeps its trailing, already
 * shrunk values (a {@code flatMap} from the shape would draw them afresh and often lose the
 * failure). The end, because jqwik also shrinks a list by sorting it, simplest values first, which
 * moves the values that make a property fail to the back.
 *
 * <pre>{@code
 * @Provide Arbitrary<Tensor> inputs() {
 *     return tensors(4, 8, values().between(-3, 3).awayFromZero(1e-2));
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradCheckArbitraries {

    private GradCheckArbitraries() {
    }

    /** Sizes 1..max, shrinking toward 1. */
    public static Arbitrary<Integer> sizes(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("sizes: max must be at least 1, got " + max);
        }
        return Arbitraries.integers().between(1, max);
    }

    /** Shapes (rows, cols) with rows in 1..maxRows and cols in 1..maxCols, independently, so most are not square. */
    public static Arbitrary<Shape> shapes(int maxRows, int maxCols) {
        return Combinators.combine(sizes(maxRows), sizes(maxCols)).as(Shape::of);
    }

    /** Elements in [-1, 1]; configure with {@link ValueArbitrary#between}, {@link ValueArbitrary#awayFromZero}. */
    public static ValueArbitrary values() {
        return new ValueArbitrary(-1, 1, 0, -1);
    }

    /** Tensors of {@code shape} whose elements come from {@code values}. */
    public static Arbitrary<Tensor> tensors(Shape shape, Arbitrary<Double> values) {
        return pool(shape.size(), values).map(p -> cut(p, shape.dims()));
    }

    /** Tensors (rows, cols) of a shape from {@link #shapes}, elements from {@code values}; the shape shrinks with the values. */
    public static Arbitrary<Tensor> tensors(int maxRows, int maxCols, Arbitrary<Double> values) {
        return Combinators.combine(shapes(maxRows, maxCols), pool(maxRows * maxCols, values)).as((s, p) -> cut(p, s.dims()));
    }

    /**
     * Batches (rows, features) with rows in 1..maxRows and a fixed number of features, elements from
     * {@code values}: the inputs of a layer whose input size is fixed, such as one with weights.
     */
    public static Arbitrary<Tensor> batches(int maxRows, int features, Arbitrary<Double> values) {
        if (features < 1) {
            throw new IllegalArgumentException("batches: features must be at least 1, got " + features);
        }
        return Combinators.combine(sizes(maxRows), pool(maxRows * features, values)).as((rows, p) -> cut(p, rows, features));
    }

    /** One class index in [0, classes) per row, shrinking toward class 0. */
    public static Arbitrary<int[]> classIndices(int rows, int classes) {
        if (rows < 1 || classes < 1) {
            throw new IllegalArgumentException("class indices: rows and classes must be at least 1, got " + rows + " and " + classes);
        }
        return Arbitraries.integers().between(0, classes - 1).array(int[].class).ofSize(rows);
    }

    /** One-hot label rows (rows, classes): the class indices of {@link #classIndices}, as the book's one-hot t. */
    public static Arbitrary<Tensor> oneHotLabels(int rows, int classes) {
        return classIndices(rows, classes).map(c -> oneHot(c, classes));
    }

    /**
     * Rows with a 1 at each class index, written here rather than by {@link Labels#toOneHot}, so that
     * a property comparing the two label forms does not test the conversion against itself.
     */
    static Tensor oneHot(int[] classIndices, int classes) {
        Tensor t = Tensor.zeros(classIndices.length, classes);
        for (int r = 0; r < classIndices.length; r++) {
            t.set(r * classes + classIndices[r], 1.0);
        }
        return t;
    }

    /** Seeds of the projection R that reduces a layer's output to a scalar; shrink toward 0. */
    public static Arbitrary<Long> projectionSeeds() {
        return Arbitraries.longs().between(0, Integer.MAX_VALUE);
    }

    /** A layer without parameters (Relu, Sigmoid, or one of yours), fresh from {@code layer}, at an input from {@code inputs}. */
    public static Arbitrary<LayerCase> layerCases(Supplier<? extends Layer> layer, Arbitrary<Tensor> inputs) {
        return Combinators.combine(inputs, projectionSeeds()).as((x, seed) -> new LayerCase(layer.get(), x, seed));
    }

    /**
     * An affine-like layer from {@code layer(W, b)} at x (batch, in), with W (in, out) and b (out):
     * batch, in and out independently in 1..max, every element from {@code values}.
     */
    public static Arbitrary<LayerCase> affineCases(BiFunction<Tensor, Tensor, ? extends Layer> layer, int maxBatch,
                                                   int maxIn, int maxOut, Arbitrary<Double> values) {
        return Combinators.combine(sizes(maxBatch), sizes(maxIn), sizes(maxOut), pool(maxBatch * maxIn, values),
                        pool(maxIn * maxOut, values), pool(maxOut, values), projectionSeeds())
                .as((batch, in, out, x, W, b, seed) -> new LayerCase(layer.apply(cut(W, in, out), cut(b, out)), cut(x, batch, in), seed));
    }

    /** A two-input layer, fresh from {@code layer}, at inputs x and y of one shape (rows, cols), elements from {@code values}. */
    public static Arbitrary<BinaryLayerCase> binaryLayerCases(Supplier<? extends BinaryLayer> layer, int maxRows, int maxCols,
                                                              Arbitrary<Double> values) {
        return Combinators.combine(shapes(maxRows, maxCols), pool(maxRows * maxCols, values), pool(maxRows * maxCols, values),
                        projectionSeeds())
                .as((s, x, y, seed) -> new BinaryLayerCase(layer.get(), cut(x, s.dims()), cut(y, s.dims()), seed));
    }

    /** A loss layer, fresh from {@code layer}, at scores (batch, classes) from {@code scores} and a label per row. */
    public static Arbitrary<LossLayerCase> lossLayerCases(Supplier<? extends LossLayer> layer, int maxBatch, int maxClasses,
                                                          Arbitrary<Double> scores) {
        return Combinators.combine(shapes(maxBatch, maxClasses), pool(maxBatch * maxClasses, scores),
                        classIndices(maxBatch, maxClasses))
                .as((s, x, classes) -> new LossLayerCase(layer.get(), cut(x, s.dims()), labels(classes, s.dim(0), s.dim(1))));
    }

    /**
     * A TwoLayerNet(input, hidden, output) at a batch x (batch, input) with a label per row: each size
     * in 1..its max, x from {@code inputs}, W1, b1, W2, b2 from {@code weights}.
     */
    public static Arbitrary<NetCase> netCases(int maxBatch, int maxInput, int maxHidden, int maxOutput,
                                              Arbitrary<Double> inputs, Arbitrary<Double> weights) {
        Arbitrary<int[]> sizes = Combinators.combine(sizes(maxBatch), sizes(maxInput), sizes(maxHidden), sizes(maxOutput))
                .as((batch, in, hidden, out) -> new int[] {batch, in, hidden, out});
        return Combinators.combine(sizes, pool(maxBatch * maxInput, inputs), classIndices(maxBatch, maxOutput),
                        pool(maxInput * maxHidden, weights), pool(maxHidden, weights), pool(maxHidden * maxOutput, weights),
                        pool(maxOutput, weights))
                .as((n, x, classes, W1, b1, W2, b2) -> new NetCase(
                        net(cut(W1, n[1], n[2]), cut(b1, n[2]), cut(W2, n[2], n[3]), cut(b2, n[3])),
                        cut(x, n[0], n[1]), labels(classes, n[0], n[3])));
    }

    /** A net holding exactly these W1, b1, W2, b2. */
    private static TwoLayerNet net(Tensor W1, Tensor b1, Tensor W2, Tensor b2) {
        TwoLayerNet net = new TwoLayerNet(W1.dim(0), W1.dim(1), W2.dim(1), 0.01, 0);
        List<Tensor> values = List.of(W1, b1, W2, b2);
        List<String> keys = List.of("W1", "b1", "W2", "b2");
        for (int i = 0; i < keys.size(); i++) {
            double[] source = values.get(i).data();
            System.arraycopy(source, 0, net.params().get(keys.get(i)).value().data(), 0, source.length);
        }
        return net;
    }

    /** {@code size} values to cut tensors from. */
    private static Arbitrary<List<Double>> pool(int size, Arbitrary<Double> values) {
        return values.list().ofSize(size);
    }

    /** A tensor of {@code shape} holding the last values of the pool. */
    private static Tensor cut(List<Double> pool, int... shape) {
        Tensor t = Tensor.zeros(shape);
        int from = pool.size() - t.size();
        for (int i = 0; i < t.size(); i++) {
            t.set(i, pool.get(from + i));
        }
        return t;
    }

    /** The last {@code rows} labels of the pool, folded into [0, classes); class 0 stays 0, so they shrink toward it. */
    private static int[] labels(int[] pool, int rows, int classes) {
        int[] labels = new int[rows];
        int from = pool.length - rows;
        for (int r = 0; r < rows; r++) {
            labels[r] = pool[from + r] % classes;
        }
        return labels;
    }
}
