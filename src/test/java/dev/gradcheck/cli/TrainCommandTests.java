package dev.gradcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The {@code train} command on the fixture slice: its output, its chart, and its refusals before any work. */
class TrainCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private static CommandLine cli() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("gradcheck: " + e.getMessage());
            return 2;
        });
        return cli;
    }

    private int run(String... args) {
        CommandLine cli = cli();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void trainPrintsARowPerEpochAndASummaryAndWritesTheChart() throws IOException {
        Path png = tmp.resolve("run.png");
        assertEquals(0, run("train", "--iterations", "41", "--hidden", "10", "--chart", png.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("gradcheck train: TwoLayerNet(784, 10, 10), init std 0.01, SGD(lr=0.1), batch 100, seed 42, "
                + "41 iterations (20 per epoch)"), text);
        assertTrue(text.contains("(2000 training, 1000 test images)"), text);
        for (String row : new String[] {"0 +1", "1 +21", "2 +41"}) {
            assertTrue(Pattern.compile("(?m)^ +" + row + " +\\d\\.\\d{4} +\\d+\\.\\d\\d% +\\d\\.\\d{4} +\\d+\\.\\d\\d%$")
                    .matcher(text).find(), row + " in\n" + text);
        }
        assertTrue(Pattern.compile("(?m)^done: 41 iterations in [\\d.]+ s \\([\\d.]+ it/s, including 3 evaluations of 3000 images\\)$")
                .matcher(text).find(), text);
        assertTrue(Pattern.compile("(?m)^final: test accuracy \\d+\\.\\d\\d %, train accuracy \\d+\\.\\d\\d %").matcher(text).find(), text);
        assertTrue(text.contains("chart: " + png.toAbsolutePath()), text);
        assertNotNull(ImageIO.read(png.toFile()), "a readable PNG");
        assertEquals("", err.toString(), "no progress bar without a terminal unless asked");
    }

    @Test
    void progressBarGoesToStderrWhenAsked() {
        assertEquals(0, run("train", "--iterations", "5", "--hidden", "5", "--progress"), err.toString());
        assertTrue(err.toString().contains("train 100% ["), err.toString());
        assertTrue(err.toString().contains("5/5 it"), err.toString());
        assertTrue(out.toString().contains("final: test accuracy"), out.toString());
    }

    @Test
    void optimiserAndInitAreChosenByOption() {
        assertEquals(0, run("train", "--iterations", "3", "--hidden", "5", "--optimizer", "adam", "--init", "he"), err.toString());
        assertTrue(out.toString().startsWith("gradcheck train: TwoLayerNet(784, 5, 10), init he, "
                + "Adam(lr=0.001, beta1=0.9, beta2=0.999), batch 100"), out.toString());
    }

    @Test
    void defaultsAreTheBooksConfiguration() {
        CommandLine.Model.CommandSpec train = cli().getSubcommands().get("train").getCommandSpec();
        assertEquals("10000", train.findOption("--iterations").defaultValue());
        assertEquals("100", train.findOption("--batch").defaultValue());
        assertEquals("50", train.findOption("--hidden").defaultValue());
        assertEquals("sgd", train.findOption("--optimizer").defaultValue());
        assertEquals("0.01", train.findOption("--init").defaultValue());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--iterations | 0    | --iterations must be positive, got 0",
        "--iterations | -5   | --iterations must be positive, got -5",
        "--lr         | 0    | --lr must be positive and finite, got 0.0",
        "--lr         | -0.1 | --lr must be positive and finite, got -0.1",
        "--lr         | NaN  | --lr must be positive and finite, got NaN",
        "--batch      | 0    | --batch must be positive, got 0",
        "--hidden     | 0    | --hidden must be positive, got 0",
        "--batch      | 5000 | --batch 5000 is larger than the 2000 training images in fixtures/fashion-mnist",
        "--optimizer  | rmsprop | Invalid value for option '--optimizer': unknown optimiser 'rmsprop'; choose one of sgd, momentum, adagrad, adam",
        "--init       | glorot  | Invalid value for option '--init': weight init 'glorot' is neither xavier, he nor a standard deviation such as 0.01",
        "--chart      | run.jpg | --chart run.jpg: a chart file name must end in .png",
        "--data       | /no/such/dir | /no/such/dir: not a directory",
    })
    void badInputExitsTwoBeforeTrainingStarts(String option, String value, String message) {
        assertEquals(2, run("train", option, value));
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals("", out.toString(), "nothing may start");
    }

    @Test
    void aChartInAMissingDirectoryIsRefusedBeforeTraining() {
        Path png = tmp.resolve("missing/run.png");
        assertEquals(2, run("train", "--chart", png.toString()));
        assertTrue(err.toString().contains("--chart " + png + ": directory " + tmp.resolve("missing") + " does not exist"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aDirectoryWithoutTheFilesIsRefusedNamingTheFile() {
        assertEquals(2, run("train", "--data", tmp.toString()));
        assertTrue(err.toString().contains(tmp + ": holds neither train-images-idx3-ubyte.gz nor train-images-idx3-ubyte"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aMalformedFileIsRefusedNamingIt() throws IOException {
        Files.write(tmp.resolve("train-images-idx3-ubyte"), new byte[] {0x12, 0x34, 0x08, 0x03, 0, 0});
        assertEquals(2, run("train", "--data", tmp.toString()));
        assertTrue(err.toString().contains(tmp.resolve("train-images-idx3-ubyte") + ": wrong magic number 0x12340803"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void divergenceStopsWithExitTwoNamingTheIteration() {
        assertEquals(2, run("train", "--iterations", "50", "--hidden", "5", "--lr", "1e300"));
        assertTrue(err.toString().contains("training diverged: the mini-batch loss is"), err.toString());
        assertTrue(err.toString().contains("try a smaller learning rate"), err.toString());
    }
}
