package dev.gradcheck.bench;

import dev.gradcheck.check.CheckMode;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.AddLayer;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.MulLayer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each layer's own check (projected by a random R, every input and parameter element)
 * at the shapes of the book's net on a batch of 3: MulLayer and AddLayer, Relu and Sigmoid on
 * (3, 50), Affine (3, 784)·(784, 50), SoftmaxWithLoss on (3, 10).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LayerCheckBenchmark {

    @Param({"MulLayer", "AddLayer", "Relu", "Sigmoid", "Affine", "SoftmaxWithLoss"})
    public String layer;

    /** AUTO: fast modes for Affine, Relu and Sigmoid (incremental layers); the others stay plain. */
    @Param({"AUTO", "PLAIN"})
    public CheckMode mode;

    private Checkable unit;
    private CheckOptions options;

    @Setup
    public void setUp() {
        unit = switch (layer) {
            case "MulLayer" -> Checkable.of(new MulLayer(), gaussian(1, 3, 50), gaussian(2, 3, 50), 42);
            case "AddLayer" -> Checkable.of(new AddLayer(), gaussian(1, 3, 50), gaussian(2, 3, 50), 42);
            case "Relu" -> Checkable.of(new Relu(), gaussian(3, 3, 50), 42);
            case "Sigmoid" -> Checkable.of(new Sigmoid(), gaussian(3, 3, 50), 42);
            case "Affine" -> Checkable.of(new Affine(gaussian(4, 784, 50), gaussian(5, 50)), gaussian(6, 3, 784), 42);
            case "SoftmaxWithLoss" -> Checkable.of(new SoftmaxWithLoss(), gaussian(7, 3, 10), Labels.indices(9, 2, 1));
            default -> throw new IllegalArgumentException("no layer " + layer);
        };
        options = CheckOptions.defaults().withMode(mode);
        CheckReport report = GradientCheck.check(unit, options);
        if (!report.passed()) {
            throw new IllegalStateException(report.describe());
        }
    }

    @Benchmark
    public CheckReport check() {
        return GradientCheck.check(unit, options);
    }

    private static Tensor gaussian(long seed, int... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextGaussian());
        }
        return t;
    }
}
