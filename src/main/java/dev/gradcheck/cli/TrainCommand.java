package dev.gradcheck.cli;

import dev.gradcheck.data.Dataset;
import dev.gradcheck.data.Mnist;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.net.WeightInit;
import dev.gradcheck.optim.Optimizer;
import dev.gradcheck.optim.OptimizerKind;
import dev.gradcheck.train.EpochResult;
import dev.gradcheck.train.Trainer;
import dev.gradcheck.train.TrainingChart;
import dev.gradcheck.train.TrainingHistory;
import dev.gradcheck.train.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The book's training script ({@code ch05/train_neuralnet.py}) on real images: a TwoLayerNet
 * trained by mini-batch gradient descent, train and test accuracy once per epoch, a summary, and
 * optionally a PNG chart. Every option is checked, and the data read, before training starts.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train TwoLayerNet on MNIST-format images as the book does, with accuracy per epoch.")
final class TrainCommand implements Callable<Integer> {

    /** Width of a progress bar drawn without a terminal. */
    private static final int PLAIN_PROGRESS_WIDTH = 100;

    @Option(names = "--data", paramLabel = "DIR",
            description = "MNIST-format directory with train and t10k files (default: the slice in fixtures/fashion-mnist).")
    private Path data;

    @Option(names = "--iterations", defaultValue = "10000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--batch", defaultValue = "100", description = "Images per mini-batch, drawn with replacement (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--lr", description = "Learning rate (default: 0.1 for sgd as chapter 5; 0.01 for momentum and adagrad, 0.001 for adam as chapter 6).")
    private Double lr;

    @Option(names = "--hidden", defaultValue = "50", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the weight initialisation and of the mini-batch sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--optimizer", defaultValue = "sgd", converter = OptimizerConverter.class,
            description = "sgd, momentum, adagrad or adam (default: ${DEFAULT-VALUE}).")
    private OptimizerKind optimizer;

    @Option(names = "--init", defaultValue = "0.01", converter = InitConverter.class,
            description = "Weight initialisation: a standard deviation, xavier or he (default: ${DEFAULT-VALUE}).")
    private WeightInit init;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Write a chart of accuracy and loss per epoch to this PNG file.")
    private Path chart;

    @Option(names = "--progress", negatable = true,
            description = "Draw a progress bar on stderr (default: only when attached to a terminal).")
    private Boolean progress;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        double rate = validOptions();
        Path dir = data != null ? data : DataLocation.fixtureSlice();
        Dataset train = Mnist.load(dir, Mnist.Split.TRAIN);
        Dataset test = Mnist.load(dir, Mnist.Split.TEST);
        if (batch > train.size()) {
            throw bad("--batch " + batch + " is larger than the " + train.size() + " training images in " + dir);
        }
        TwoLayerNet net = new TwoLayerNet(train.features(), hidden, Dataset.CLASSES, init, seed);
        Optimizer opt = optimizer.create(rate);
        Trainer trainer = new Trainer(net, opt, train, test, batch, seed);

        PrintWriter out = spec.commandLine().getOut();
        String config = String.format(Locale.ROOT, "TwoLayerNet(%d, %d, %d), init %s, %s, batch %d, seed %d",
                train.features(), hidden, Dataset.CLASSES, init, opt, batch, seed);
        out.printf(Locale.ROOT, "gradcheck train: %s, %d iterations (%d per epoch)%n", config, iterations, trainer.iterPerEpoch());
        out.printf(Locale.ROOT, "data: %s (%d training, %d test images)%n", dir, train.size(), test.size());
        out.printf(Locale.ROOT, "%7s %10s %11s %10s %10s %9s%n", "epoch", "iteration", "train loss", "train acc", "test loss", "test acc");
        out.flush();

        long start = System.nanoTime();
        TrainingHistory history = run(trainer, out);
        double seconds = (System.nanoTime() - start) / 1e9;

        summarise(out, history, seconds, train.size() + test.size());
        if (chart != null) {
            TrainingChart.write(history, config, String.format(Locale.ROOT, "%s (%d training, %d test images)",
                    dir, train.size(), test.size()), chart);
            out.printf(Locale.ROOT, "chart: %s%n", chart.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    /** Every option that needs no data; returns the learning rate to use. */
    private double validOptions() throws IOException {
        requirePositive("--iterations", iterations);
        requirePositive("--batch", batch);
        requirePositive("--hidden", hidden);
        double rate = lr != null ? lr : optimizer.defaultLr();
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw bad("--lr must be positive and finite, got " + rate);
        }
        if (chart != null) {
            try {
                TrainingChart.requireWritable(chart);
            } catch (IOException e) {
                throw bad("--chart " + e.getMessage());
            }
        }
        return rate;
    }

    private TrainingHistory run(Trainer trainer, PrintWriter out) {
        boolean terminal = System.console() != null;
        if (!(progress != null ? progress : terminal)) {
            return trainer.train(iterations, new EpochPrinter(out, null, () -> { }));
        }
        ProgressBarConsumer consumer = terminal ? new ConsoleProgressBarConsumer(System.err)
                : new ProgressLine(spec.commandLine().getErr(), PLAIN_PROGRESS_WIDTH);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(iterations)
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUnit(" it", 1).setConsumer(consumer).setUpdateIntervalMillis(250).showSpeed().build()) {
            Runnable clearBar = terminal ? TrainCommand::clearTerminalLine : () -> { };
            return trainer.train(iterations, new EpochPrinter(out, bar, clearBar));
        }
    }

    /** Erases the bar's line so that a row printed next starts in column 1; the bar redraws below it. */
    private static void clearTerminalLine() {
        System.err.print("\r\033[2K");
        System.err.flush();
    }

    private void summarise(PrintWriter out, TrainingHistory history, double seconds, int evaluated) {
        EpochResult last = history.last();
        out.printf(Locale.ROOT, "done: %d iterations in %.1f s (%.1f it/s, including %d evaluations of %d images)%n",
                iterations, seconds, iterations / seconds, history.epochs().size(), evaluated);
        out.printf(Locale.ROOT, "final: test accuracy %.2f %%, train accuracy %.2f %% (test loss %.4f, train loss %.4f)%n",
                100 * last.test().accuracy(), 100 * last.train().accuracy(), last.test().loss(), last.train().loss());
    }

    private void requirePositive(String option, int value) {
        if (value < 1) {
            throw bad(option + " must be positive, got " + value);
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Prints a row per evaluation and feeds the progress bar, if any. */
    private static final class EpochPrinter implements TrainingListener {

        /** Where the rows go. */
        private final PrintWriter out;

        /** The bar, or null. */
        private final ProgressBar bar;

        /** Run before each row: clears the bar's line on a terminal. */
        private final Runnable beforeRow;

        EpochPrinter(PrintWriter out, ProgressBar bar, Runnable beforeRow) {
            this.out = out;
            this.bar = bar;
            this.beforeRow = beforeRow;
        }

        @Override
        public void onStep(int iteration, double loss) {
            if (bar != null) {
                bar.stepTo(iteration);
                bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
            }
        }

        @Override
        public void onEpoch(EpochResult r) {
            beforeRow.run();
            out.printf(Locale.ROOT, "%7s %10d %11.4f %9.2f%% %10.4f %8.2f%%%n", epochLabel(r.epoch()), r.iterations(),
                    r.train().loss(), 100 * r.train().accuracy(), r.test().loss(), 100 * r.test().accuracy());
            out.flush();
        }

        private static String epochLabel(double epoch) {
            return epoch == Math.rint(epoch) ? Long.toString((long) epoch) : String.format(Locale.ROOT, "%.2f", epoch);
        }
    }

    /** {@code --optimizer}: a name of {@link OptimizerKind}, any case. */
    static final class OptimizerConverter implements CommandLine.ITypeConverter<OptimizerKind> {
        @Override
        public OptimizerKind convert(String value) {
            try {
                return OptimizerKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --init}: a standard deviation, {@code xavier} or {@code he}. */
    static final class InitConverter implements CommandLine.ITypeConverter<WeightInit> {
        @Override
        public WeightInit convert(String value) {
            try {
                return WeightInit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
