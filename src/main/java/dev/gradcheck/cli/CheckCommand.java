package dev.gradcheck.cli;

import dev.gradcheck.check.CheckMode;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.Stencil;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.data.Mnist;
import dev.gradcheck.net.TwoLayerNet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The book's gradient check ({@code ch05/gradient_check.py}) on real images: a TwoLayerNet, the
 * first few images of a split, numerical against backpropagated gradients for W1, b1, W2, b2.
 */
@Command(name = "check",
        description = "Run the book's gradient check of TwoLayerNet on real images and print the table.")
final class CheckCommand implements Callable<Integer> {

    /** More threads than this only add overhead: the work splits into chunks of 256 elements. */
    private static final int MAX_THREADS = 256;

    /** Only the long form: {@code -h} would read like the step {@code --h} and silently print help instead. */
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--data", paramLabel = "DIR",
            description = "MNIST-format directory (default: the Fashion-MNIST slice in fixtures/fashion-mnist).")
    private Path data;

    @Option(names = "--split", defaultValue = "test", description = "train or test (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--batch", defaultValue = "3", description = "Number of images, the first of the split (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--hidden", defaultValue = "50", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the weight initialisation (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"--h", "--step"}, defaultValue = "1e-4", description = "Central-difference step (default: ${DEFAULT-VALUE}).")
    private double h;

    @Option(names = "--atol", description = "Absolute tolerance (default: 1e-12).")
    private Double atol;

    @Option(names = "--rtol", description = "Relative tolerance (default: 1e-7).")
    private Double rtol;

    @Option(names = "--rounding", description = "Rounding allowance in ulps of the loss, divided by h (default: 256).")
    private Double rounding;

    @Option(names = "--mode", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (fastest full check: incremental for the net), plain, fast (every loss in full), "
                    + "incremental, directional or sampled (default: ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--stencil", defaultValue = "central_2", paramLabel = "STENCIL",
            description = "Finite-difference formula: central_2 (the book's), central_4, central_6, richardson (default: ${DEFAULT-VALUE}).")
    private String stencil;

    @Option(names = "--threads", description = "Threads of the fast and incremental modes (default: one per processor, at most 8).")
    private Integer threads;

    @Option(names = "--samples", defaultValue = "100", description = "Elements per tensor in sampled mode (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--directions", defaultValue = "1", description = "Random directions per tensor in directional mode (default: ${DEFAULT-VALUE}).")
    private int directions;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Start from these parameters instead of --seed's: raw little-endian float64 W1, b1, W2, b2, "
                    + "row-major (what the peers' export_weights.py writes).")
    private Path weights;

    @Option(names = "--repeat", defaultValue = "1",
            description = "Run the check this many times and report the median time (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data != null ? data : DataLocation.fixtureSlice();
        Dataset images = Mnist.load(dir, splitOption()).first(validBatch());
        if (hidden < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hidden must be positive, got " + hidden);
        }
        TwoLayerNet net = new TwoLayerNet(images.features(), hidden, Dataset.CLASSES, seed);
        if (weights != null) {
            RawWeights.load(weights, net);
        }
        if (repeat < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be positive, got " + repeat);
        }
        Tolerance tolerance = new Tolerance(atol != null ? atol : Tolerance.DEFAULT.atol(),
                rtol != null ? rtol : Tolerance.DEFAULT.rtol(), rounding != null ? rounding : Tolerance.DEFAULT.rounding());
        CheckOptions options = checkOptions(tolerance);

        out.printf(Locale.ROOT, "gradcheck: TwoLayerNet(%d, %d, %d), first %d %s images of %s, %s%n",
                images.features(), hidden, Dataset.CLASSES, batch, split, dir,
                weights != null ? "weights from " + weights : "seed " + seed);
        long[] micros = new long[repeat];
        CheckReport report = null;
        for (int r = 0; r < repeat; r++) {
            long start = System.nanoTime();
            report = GradientCheck.check(net.checkable(images.images(), images.labelIndices()), options);
            micros[r] = (System.nanoTime() - start) / 1_000;
        }
        out.print(report.describe());
        long first = micros[0];
        java.util.Arrays.sort(micros);
        String time = repeat == 1 ? String.format(Locale.ROOT, "%d ms", first / 1000)
                : String.format(Locale.ROOT, "%.3f ms (median of %d runs; the first, with the JIT still compiling, %.3f ms)",
                        micros[repeat / 2] / 1e3, repeat, first / 1e3);
        out.printf(Locale.ROOT, "%s in %s%n", report.passed() ? "PASSED" : "FAILED", time);
        out.flush();
        return report.passed() ? 0 : 1;
    }

    private CheckOptions checkOptions(Tolerance tolerance) {
        CheckMode checkMode;
        try {
            checkMode = CheckMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode must be one of auto, plain, fast, "
                    + "incremental, directional, sampled; got '" + mode + "'");
        }
        int threadCount = threads != null ? threads : CheckOptions.defaultThreads();
        if (threadCount > MAX_THREADS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at most " + MAX_THREADS
                    + ", got " + threadCount + " (this machine has " + Runtime.getRuntime().availableProcessors() + " processors)");
        }
        for (int[] check : new int[][] {{threadCount, 0}, {samples, 1}, {directions, 2}}) {
            if (check[0] < 1) {
                String name = new String[] {"--threads", "--samples", "--directions"}[check[1]];
                throw new CommandLine.ParameterException(spec.commandLine(), name + " must be positive, got " + check[0]);
            }
        }
        Stencil formula;
        try {
            formula = Stencil.valueOf(stencil.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stencil must be one of central_2, central_4, "
                    + "central_6, richardson; got '" + stencil + "'");
        }
        CheckOptions defaults = CheckOptions.defaults();
        return new CheckOptions(h, tolerance, defaults.maxSkippedFraction(), formula, checkMode, threadCount, samples,
                directions, defaults.seed());
    }

    private Mnist.Split splitOption() {
        return switch (split) {
            case "train" -> Mnist.Split.TRAIN;
            case "test" -> Mnist.Split.TEST;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--split must be 'train' or 'test', got '" + split + "'");
        };
    }

    private int validBatch() {
        if (batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be positive, got " + batch);
        }
        return batch;
    }
}
