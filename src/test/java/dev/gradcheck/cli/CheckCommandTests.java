package dev.gradcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code check} command on the fixture slice: the book's table, and exit statuses. */
class CheckCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("gradcheck: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Test
    void checkPrintsFourPassingRowsAndExitsZero() {
        assertEquals(0, run("check", "--hidden", "10"), err.toString());
        String text = out.toString();
        for (String row : new String[] {"W1       (784, 10)", "b1       (10)", "W2       (10, 10)", "b2       (10)"}) {
            assertTrue(text.contains(row), text);
        }
        assertTrue(text.contains("PASSED"), text);
    }

    @Test
    void checkRunsIncrementalByDefaultAndEachModeOnRequest() {
        assertEquals(0, run("check", "--hidden", "5"), err.toString());
        assertTrue(out.toString().contains("; incremental, "), out.toString());
        for (String[] mode : new String[][] {{"plain", "ulp(S)/h)" + System.lineSeparator()}, {"fast", "; fast, 1 thread)"},
                {"incremental", "; incremental, 1 thread)"}, {"directional", "direction"}, {"sampled", "checked"}}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run("check", "--hidden", "5", "--mode", mode[0], "--threads", "1", "--samples", "7"), err.toString());
            assertTrue(out.toString().contains(mode[1]) && out.toString().contains("PASSED"), mode[0] + ": " + out);
        }
    }

    @Test
    void weightsFromARawFileReplaceTheSeededOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int count = 784 * 5 + 5 + 5 * 10 + 10;
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * count).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            bytes.putDouble(0.02 * Math.sin(i));
        }
        java.nio.file.Path file = dir.resolve("w.bin");
        java.nio.file.Files.write(file, bytes.array());
        assertEquals(0, run("check", "--hidden", "5", "--weights", file.toString()), err.toString());
        String withWeights = out.toString();
        out.getBuffer().setLength(0);
        assertEquals(0, run("check", "--hidden", "5"), err.toString());
        assertTrue(withWeights.contains("weights from " + file), withWeights);
        assertTrue(!withWeights.substring(withWeights.indexOf("W1 ")).equals(out.toString().substring(out.toString().indexOf("W1 "))),
                "the table should change with the weights");
        assertEquals(2, run("check", "--weights", file.toString()));
        assertTrue(err.toString().contains(file + ": " + 8 * count + " bytes, but TwoLayerNet with W1(784, 50) b1(50) W2(50, 10) b2(10) needs 39760"),
                err.toString());
    }

    @Test
    void repeatReportsTheMedianTime() {
        assertEquals(0, run("check", "--hidden", "5", "--repeat", "3"), err.toString());
        assertTrue(out.toString().contains("(median of 3 runs; the first"), out.toString());
    }

    @Test
    void anUnknownModeExitsTwoListingTheModes() {
        assertEquals(2, run("check", "--mode", "quick"));
        assertTrue(err.toString().contains("--mode must be one of auto, plain, fast, incremental, directional, sampled; got 'quick'"),
                err.toString());
    }

    @Test
    void nonPositiveThreadsExitTwo() {
        assertEquals(2, run("check", "--threads", "0"));
        assertTrue(err.toString().contains("--threads must be positive, got 0"), err.toString());
    }

    @Test
    void checkExitsOneWhenTheToleranceCannotBeMet() {
        assertEquals(1, run("check", "--hidden", "5", "--batch", "2", "--atol", "0", "--rtol", "0", "--rounding", "0"), err.toString());
        assertTrue(out.toString().contains("FAILED"), out.toString());
    }

    @Test
    void aMissingDataDirectoryExitsTwoNamingIt() {
        assertEquals(2, run("check", "--data", "/no/such/dir"));
        assertTrue(err.toString().contains("/no/such/dir: not a directory"), err.toString());
    }

    @Test
    void aBatchLargerThanTheDataExitsTwo() {
        assertEquals(2, run("check", "--batch", "5000"));
        assertTrue(err.toString().contains("asked for the first 5000 examples of a dataset of 1000"), err.toString());
    }

    @Test
    void aNonPositiveBatchExitsTwo() {
        assertEquals(2, run("check", "--batch", "0"));
        assertTrue(err.toString().contains("--batch must be positive, got 0"), err.toString());
    }
}
