package dev.gradcheck.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording merges, writes atomically, survives an interrupted write, and loses nothing when threads or JVMs record at once. */
class BaselineStoreTests {

    @TempDir
    Path dir;

    private static Baseline line(String key, double mean) {
        return new Baseline(key, mean, 2 * mean, 3, 1e-4, 2.5);
    }

    @Test
    void recordMergesNewLinesIntoTheFileAndKeepsTheOthers() {
        BaselineStore store = new BaselineStore(dir);
        store.record("Affine", List.of(line("a/W", 1e-12), line("b/W", 2e-12)));
        store.record("Affine", List.of(line("b/W", 3e-12), line("c/W", 4e-12)));

        BaselineStore reread = new BaselineStore(dir);
        assertEquals(List.of(line("a/W", 1e-12), line("b/W", 3e-12), line("c/W", 4e-12)),
                List.copyOf(reread.entries("Affine").values()));
    }

    @Test
    void recordingUnchangedValuesLeavesTheFileUntouched() throws IOException {
        BaselineStore store = new BaselineStore(dir);
        store.record("Affine", List.of(line("a/W", 1e-12)));
        Path file = store.file("Affine");
        Files.writeString(file, Files.readString(file) + "# a comment someone added\n");
        store.record("Affine", List.of(line("a/W", 1e-12)));
        assertTrue(Files.readString(file).endsWith("# a comment someone added\n"));
    }

    @Test
    void interruptedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        new BaselineStore(dir).record("Affine", List.of(line("a/W", 1e-12)));
        Path file = dir.resolve("Affine.txt");
        byte[] before = Files.readAllBytes(file);

        BaselineStore failing = new BaselineStore(dir, FailingWriter::new);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> failing.record("Affine", List.of(line("a/W", 9e-12), line("b/W", 8e-12))));
        assertTrue(e.getMessage().contains("disk full after 40 characters"), e.getMessage());

        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file), "the old file survives whole");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".lock", "Affine.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void atomicWriteFailingHalfWayNeverTruncatesTheTarget() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "old content\n");
        assertThrows(IOException.class, () -> AtomicWrite.replace(file, "new content that is longer than forty characters\n",
                FailingWriter::new));
        assertEquals("old content\n", Files.readString(file));
        AtomicWrite.replace(file, "new\n");
        assertEquals("new\n", Files.readString(file));
    }

    @Test
    void aBaselineFileLinkedToAFileOutsideTheDirectoryIsNeverWrittenThrough() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside")).resolve("Affine.txt");
        Path baselines = Files.createDirectories(dir.resolve("baselines"));
        new BaselineStore(outside.getParent()).record("Affine", List.of(line("a/W", 1e-12)));
        byte[] before = Files.readAllBytes(outside);
        Files.createSymbolicLink(baselines.resolve("Affine.txt"), outside);

        new BaselineStore(baselines).record("Affine", List.of(line("b/W", 2e-12)));

        assertArrayEquals(before, Files.readAllBytes(outside), "the file outside is untouched");
        assertFalse(Files.isSymbolicLink(baselines.resolve("Affine.txt")), "the link was replaced, not written through");
        assertEquals(List.of(line("a/W", 1e-12), line("b/W", 2e-12)),
                List.copyOf(new BaselineStore(baselines).entries("Affine").values()));
    }

    @Test
    void corruptFileIsNeverOverwrittenByRecording() throws IOException {
        Path file = dir.resolve("Affine.txt");
        String corrupt = "# gradcheck baselines: Affine\na/W mean=oops max=1 n=1 h=1e-4 scale=1\n";
        Files.writeString(file, corrupt);
        BaselineFileException e = assertThrows(BaselineFileException.class,
                () -> new BaselineStore(dir).record("Affine", List.of(line("b/W", 1e-12))));
        assertTrue(e.getMessage().contains("Affine.txt:2: mean is not a decimal number: 'oops'"), e.getMessage());
        assertEquals(corrupt, Files.readString(file));
    }

    @Test
    void unitDifferingOnlyInCaseFromAnExistingFileIsRefused() throws IOException {
        new BaselineStore(dir).record("Affine", List.of(line("a/W", 1e-12)));
        if (Files.exists(dir.resolve("AFFINE.txt"))) {
            return; // case-insensitive file system: the header check refuses instead (BaselineFileTests)
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BaselineStore(dir).record("AFFINE", List.of(line("a/W", 1e-12))));
        assertTrue(e.getMessage().contains("differs only in case"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("AFFINE.txt")));
    }

    @Test
    void threadsRecordingAtOnceLoseNoLine() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            BaselineStore store = new BaselineStore(dir);
            done.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    store.record("Affine", List.of(line("t" + thread + "i" + i + "/W", 1e-12)));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(40, new BaselineStore(dir).entries("Affine").size());
    }

    @Test
    void forksRecordingAtOnceLoseNoLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> forks = new ArrayList<>();
        for (String prefix : List.of("fork1-", "fork2-")) {
            forks.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RecordingProcess.class.getName(), dir.toString(), "Affine", prefix, "20")
                    .redirectErrorStream(true).redirectOutput(dir.resolve(prefix + "log").toFile()).start());
        }
        for (Process p : forks) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "fork finished");
            assertEquals(0, p.exitValue(), () -> readQuietly(dir.resolve("fork1-log")) + readQuietly(dir.resolve("fork2-log")));
        }
        assertEquals(40, new BaselineStore(dir).entries("Affine").size());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** A writer that fails like a full disk after 40 characters. */
    static final class FailingWriter extends FilterWriter {
        private int written;

        FailingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            int room = Math.min(len, 40 - written);
            super.write(s, off, room);
            written += room;
            if (room < len) {
                throw new IOException("disk full after 40 characters");
            }
        }
    }
}
