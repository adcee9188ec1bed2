package dev.gradcheck.bench;

import dev.gradcheck.check.CheckMode;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.data.Mnist;
import dev.gradcheck.net.TwoLayerNet;
import java.io.IOException;
import java.nio.file.Path;
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
 * The book's check, TwoLayerNet(784, hidden, 10) on the first {@code batch} test images of the
 * fixture slice (run from the repository root), in each mode. {@code threads} matters for fast
 * and incremental only. The plain mode takes seconds: run it with {@code -p mode=PLAIN -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NetCheckBenchmark {

    @Param({"INCREMENTAL", "FAST", "DIRECTIONAL", "SAMPLED"})
    public CheckMode mode;

    @Param({"2"})
    public int threads;

    @Param({"50"})
    public int hidden;

    @Param({"3"})
    public int batch;

    private Checkable unit;
    private CheckOptions options;

    @Setup
    public void setUp() throws IOException {
        Dataset images = Mnist.load(Path.of("fixtures", "fashion-mnist"), Mnist.Split.TEST).first(batch);
        TwoLayerNet net = new TwoLayerNet(784, hidden, 10, 42);
        unit = net.checkable(images.images(), images.labelIndices());
        options = CheckOptions.defaults().withMode(mode).withThreads(threads);
        CheckReport report = GradientCheck.check(unit, options);
        if (!report.passed()) {
            throw new IllegalStateException(report.describe());
        }
    }

    @Benchmark
    public CheckReport check() {
        return GradientCheck.check(unit, options);
    }
}
