package dev.gradcheck.support;

import static dev.gradcheck.testkit.GradCheckArbitraries.values;

import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.testkit.CaseFormat;
import dev.gradcheck.testkit.Shape;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A generated case with two upstream gradients and a power of two, for properties about backward
 * as a function of dout.
 *
 * <p>The douts are cut from the end of two pools of values of the largest output size, combined
 * with the case rather than flat-mapped from it, as the kit cuts its tensors: when jqwik shrinks
 * the case to a smaller shape, the douts keep their (already shrunk) trailing values instead of
 * being drawn afresh.
 *
 * @param value    the case
 * @param first    the first dout
 * @param second   the second dout
 * @param exponent the factor {@code 2^exponent} for homogeneity, which scales exactly
 */
public record Upstream<C, D>(C value, D first, D second, int exponent) {

    /** Range of the generated douts. */
    private static final double DOUT_RANGE = 2;

    /** {@code 2^exponent}. */
    public double factor() {
        return Math.scalb(1.0, exponent);
    }

    /** Cases with two douts shaped like {@code outputShape} of the case, which has at most {@code maxSize} elements. */
    public static <C> Arbitrary<Upstream<C, Tensor>> ofTensors(Arbitrary<C> cases, int maxSize, Function<C, Shape> outputShape) {
        Arbitrary<List<Double>> pool = values().between(-DOUT_RANGE, DOUT_RANGE).list().ofSize(maxSize);
        return Combinators.combine(cases, pool, pool, exponents()).as((c, p1, p2, k) -> {
            Shape shape = outputShape.apply(c);
            return new Upstream<>(c, cut(p1, shape), cut(p2, shape), k);
        });
    }

    /** Cases with two scalar douts, for a loss layer. */
    public static <C> Arbitrary<Upstream<C, Double>> ofScalars(Arbitrary<C> cases) {
        Arbitrary<Double> douts = values().between(-DOUT_RANGE, DOUT_RANGE);
        return Combinators.combine(cases, douts, douts, exponents()).as((c, a, b, k) -> new Upstream<>(c, a, b, k));
    }

    private static Arbitrary<Integer> exponents() {
        return Arbitraries.integers().between(-3, 3);
    }

    private static Tensor cut(List<Double> pool, Shape shape) {
        if (shape.size() > pool.size()) {
            throw new IllegalArgumentException("output shape " + shape + " has more than the " + pool.size() + " elements of the dout pool");
        }
        double[] data = new double[shape.size()];
        int from = pool.size() - data.length;
        for (int i = 0; i < data.length; i++) {
            data[i] = pool.get(from + i);
        }
        return Tensor.wrap(data, shape.dims());
    }

    @Override
    public String toString() {
        return value + "; dout1 " + format(first) + ", dout2 " + format(second) + ", factor 2^" + exponent;
    }

    private static String format(Object dout) {
        return dout instanceof Tensor t ? CaseFormat.values(t) : String.valueOf(dout);
    }
}
