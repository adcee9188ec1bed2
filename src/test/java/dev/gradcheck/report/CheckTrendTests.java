package dev.gradcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gradcheck's trend keeps each check's mean |A - N| over the last runs, and says which file is broken. */
class CheckTrendTests {

    @TempDir
    Path dir;

    @Test
    void aLaterRunSeesTheEarlierMeansOldestFirstBitForBit() {
        double tiny = 1.2345678901234567e-13;
        CheckTrend first = CheckTrend.open(dir);
        assertEquals(List.of(), first.earlier("Affine#1/W"));
        first.record("Affine#1/W", tiny);
        first.write("20260101-000000-000-1");
        CheckTrend second = CheckTrend.open(dir);
        second.record("Affine#1/W", 2 * tiny);
        second.write("20260101-000001-000-1");
        assertEquals(List.of(tiny, 2 * tiny), CheckTrend.open(dir).earlier("Affine#1/W"));
    }

    @Test
    void onlyTheLastRunsAreKept() throws IOException {
        for (int run = 0; run < CheckTrend.KEPT_RUNS + 5; run++) {
            CheckTrend trend = CheckTrend.open(dir);
            trend.record("k", run);
            trend.write(String.format("20260101-%06d-000-1", run));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(CheckTrend.KEPT_RUNS, files.count());
        }
        List<Double> kept = CheckTrend.open(dir).earlier("k");
        assertEquals(CheckTrend.KEPT_RUNS, kept.size());
        assertEquals(5.0, kept.get(0), "the 5 oldest runs were dropped");
    }

    @Test
    void aRunWithoutChecksWritesNothing() throws IOException {
        CheckTrend.open(dir).write("20260101-000000-000-1");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aBrokenLineNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("20260101-000000-000-1.tsv"), "a\t1e-13\nb\tnot-a-number\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckTrend.open(dir));
        assertTrue(e.getMessage().contains("20260101-000000-000-1.tsv:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("delete the file"), e.getMessage());
    }
}
