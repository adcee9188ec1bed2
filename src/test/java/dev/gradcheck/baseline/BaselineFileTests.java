package dev.gradcheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The baseline text format: exact round trip, sorted lines, and strict reading that names file and line. */
class BaselineFileTests {

    private static final String GOOD = "x(2,9),seed=42/W mean=4.2524317400705060e-13 max=7.6e-13 n=45 h=1e-4 scale=2.5";

    @TempDir
    Path dir;

    @Test
    void valuesReadBackToTheSameBits() throws IOException {
        double[] means = {0.0, Double.MIN_VALUE, 0.1, 1.0 / 3, 5.761468153254577e-13, Math.nextUp(1e-10), 1.7976931348623157e308};
        List<Baseline> lines = new java.util.ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            lines.add(new Baseline("c" + i + "/W", means[i], Math.nextDown(1.0), i + 1, 1e-4, Math.PI));
        }
        Path file = write(BaselineFile.format("Affine", lines));
        SortedMap<String, Baseline> read = BaselineFile.read(file, "Affine");
        for (int i = 0; i < means.length; i++) {
            Baseline b = read.get("c" + i + "/W");
            assertEquals(Double.doubleToLongBits(means[i]), Double.doubleToLongBits(b.meanAbsDiff()), "mean " + means[i]);
            assertEquals(lines.get(i), b);
        }
    }

    @Test
    void linesAreWrittenSortedByKeyUnderTheHeader() throws IOException {
        List<Baseline> lines = List.of(new Baseline("b/W", 1e-12, 1e-12, 1, 1e-4, 1),
                new Baseline("a/x", 2e-12, 2e-12, 1, 1e-4, 1), new Baseline("a/W", 3e-12, 3e-12, 1, 1e-4, 1));
        List<String> text = BaselineFile.format("Affine", lines).lines().toList();
        assertEquals("# gradcheck baselines: Affine", text.get(0));
        assertEquals(List.of("a/W", "a/x", "b/W"), text.stream().filter(l -> !l.startsWith("#")).map(l -> l.split(" ")[0]).toList());
    }

    @Test
    void handEditedLinesWithCommentsBlankLinesAndWindowsLineEndsAreRead() throws IOException {
        Path file = write("# gradcheck baselines: Affine\r\n\r\n# my note\r\n  " + GOOD + "  \r\n");
        assertEquals(4.2524317400705060e-13, BaselineFile.read(file, "Affine").get("x(2,9),seed=42/W").meanAbsDiff());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mean=abc                 | 2 | mean is not a decimal number: 'abc'",
        "mean=NaN                 | 2 | mean is not a decimal number: 'NaN'",
        "mean=Infinity            | 2 | mean is not a decimal number: 'Infinity'",
        "mean=0x1p-40             | 2 | mean is not a decimal number: '0x1p-40'",
        "mean=1e-12d              | 2 | mean is not a decimal number: '1e-12d'",
        "mean=1e999               | 2 | mean must be finite",
        "mean=-1e-12              | 2 | mean must be finite and at least 0",
        "n=4.5                    | 2 | n is not a whole number: '4.5'",
        "n=0                      | 2 | n (elements compared) must be at least 1",
        "h=0                      | 2 | h must be finite and above 0",
        "scale=                   | 2 | scale is not a decimal number: ''",
    })
    void nonNumericOrImpossibleValueNamesFileLineAndProblem(String field, int line, String problem) throws IOException {
        String name = field.substring(0, field.indexOf('='));
        String edited = GOOD.replaceFirst(" " + name + "=[^ ]*", " " + field);
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> BaselineFile.read(write("# gradcheck baselines: Affine\n" + edited + "\n"), "Affine"));
        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("Affine.txt") + ":" + line + ": " + problem), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x(2,9),seed=42/W mean=1e-12 max=1e-12 n=1 h=1e-4                  | field scale= is missing",
        "x(2,9),seed=42/W mean=1e-12 max=1e-12 n=1 h=1e-4 scale=1 mean=2   | field mean appears twice",
        "x(2,9),seed=42/W mean=1e-12 max=1e-12 n=1 h=1e-4 scale=1 extra=1  | unexpected 'extra=1'",
        "x(2,9),seed=42/W mean 1e-12 max=1e-12 n=1 h=1e-4 scale=1          | unexpected 'mean'",
        "../../etc/passwd mean=1e-12 max=1e-12 n=1 h=1e-4 scale=1          | '../../etc/passwd' is not a key",
        "<<<<<<< HEAD                                                      | '<<<<<<<' is not a key",
    })
    void malformedLineNamesFileLineAndProblem(String line, String problem) throws IOException {
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> BaselineFile.read(write("# gradcheck baselines: Affine\n# note\n" + line + "\n"), "Affine"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains(":3: " + problem), e.getMessage());
    }

    @Test
    void duplicateKeyNamesBothLines() throws IOException {
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> BaselineFile.read(write("# gradcheck baselines: Affine\n" + GOOD + "\n" + GOOD + "\n"), "Affine"));
        assertTrue(e.getMessage().contains(":3: duplicate key x(2,9),seed=42/W (first on line 2)"), e.getMessage());
    }

    @Test
    void fileOfAnotherUnitIsRejectedByItsHeader() throws IOException {
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> BaselineFile.read(write("# gradcheck baselines: Relu\n" + GOOD + "\n"), "Affine"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected the header '# gradcheck baselines: Affine'"), e.getMessage());
    }

    @Test
    void tooLargeFileIsRejectedBeforeItIsParsed() throws IOException {
        String line = GOOD + "\n";
        String huge = "# gradcheck baselines: Affine\n" + "# padding\n".repeat((int) (BaselineFile.MAX_BYTES / 10) + 1);
        BaselineFileException e = assertThrows(BaselineFileException.class, () -> BaselineFile.read(write(huge + line), "Affine"));
        assertTrue(e.getMessage().contains("more than the 1048576 a baseline file may have"), e.getMessage());
    }

    @Test
    void tooLongLineIsRejected() throws IOException {
        String line = GOOD + " ".repeat(BaselineFile.MAX_LINE) + "x";
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> BaselineFile.read(write("# gradcheck baselines: Affine\n" + line + "\n"), "Affine"));
        assertTrue(e.getMessage().contains(":2: line is"), e.getMessage());
    }

    @Test
    void binaryFileIsRejected() throws IOException {
        Path file = dir.resolve("Affine.txt");
        Files.write(file, new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        BaselineFileException e = assertThrows(BaselineFileException.class, () -> BaselineFile.read(file, "Affine"));
        assertTrue(e.getMessage().contains("not UTF-8 text"), e.getMessage());
    }

    @Test
    void messageSaysHowToRecover() throws IOException {
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> BaselineFile.read(write("# gradcheck baselines: Affine\nrubbish\n"), "Affine"));
        assertTrue(e.getMessage().endsWith("(fix or delete the file, then record: mvn -B verify -Dgradcheck.baselines=record)"),
                e.getMessage());
    }

    @Test
    void numbersCarrySeventeenSignificantDigits() {
        assertEquals("3.3333333333333331e-01", BaselineFile.number(1.0 / 3));
        assertEquals("1.0000000000000000e-04", BaselineFile.number(1e-4));
        assertEquals("0.0000000000000000e+00", BaselineFile.number(0));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("Affine.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
