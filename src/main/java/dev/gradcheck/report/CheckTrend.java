package dev.gradcheck.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * gradcheck's own history of its checks: the mean |A - N| of every checked tensor in each of the
 * last {@link #KEPT_RUNS} test runs, so a report can draw how a check's error moved over builds.
 *
 * <p>One tab-separated file per run, {@code <run id>.tsv} (key, mean), in a directory of the working
 * copy; run ids sort in time order. A run's file is written whole at its end, through a temporary
 * file and a rename, and the oldest files beyond {@link #KEPT_RUNS} are deleted then.
 */
public final class CheckTrend {

    /** Runs kept, this one included. */
    public static final int KEPT_RUNS = 20;

    private static final String SUFFIX = ".tsv";

    private final Path directory;

    /** Means of earlier runs per key, oldest first. */
    private final Map<String, List<Double>> earlier;

    /** Means of this run per key, in the order recorded. */
    private final Map<String, Double> current = new LinkedHashMap<>();

    private CheckTrend(Path directory, Map<String, List<Double>> earlier) {
        this.directory = directory;
        this.earlier = earlier;
    }

    /** The trend kept in {@code directory} (which need not exist yet). */
    public static CheckTrend open(Path directory) {
        Map<String, List<Double>> earlier = new HashMap<>();
        for (Path file : runFiles(directory)) {
            read(file, earlier);
        }
        return new CheckTrend(directory, earlier);
    }

    /** The means recorded for {@code key} by earlier runs, oldest first; empty if none. */
    public synchronized List<Double> earlier(String key) {
        return List.copyOf(earlier.getOrDefault(key, List.of()));
    }

    /** Records this run's mean for {@code key}; a key recorded twice keeps its first mean. */
    public synchronized void record(String key, double mean) {
        current.putIfAbsent(clean(key), mean);
    }

    /** Writes this run as {@code <runId>.tsv} and deletes the oldest runs beyond {@link #KEPT_RUNS}; nothing if empty. */
    public synchronized void write(String runId) {
        if (current.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        current.forEach((key, mean) -> text.append(key).append('\t').append(mean).append('\n'));
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(runId + SUFFIX);
            Path temporary = directory.resolve("." + runId + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            List<Path> runs = runFiles(directory);
            for (Path old : runs.subList(0, Math.max(0, runs.size() - KEPT_RUNS))) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the check trend to " + directory, e);
        }
    }

    private static List<Path> runFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the check trend in " + directory, e);
        }
    }

    private static void read(Path file, Map<String, List<Double>> into) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the check trend file " + file, e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String[] fields = lines.get(n).split("\t", -1);
            double mean;
            try {
                mean = fields.length == 2 ? Double.parseDouble(fields[1]) : Double.NaN;
            } catch (NumberFormatException e) {
                mean = Double.NaN;
            }
            if (!(mean >= 0)) {
                throw new IllegalStateException(file + ":" + (n + 1) + ": expected '<key><TAB><mean |A - N| >= 0>', got '"
                        + lines.get(n) + "'; the trend is generated: delete the file to drop that run");
            }
            into.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(mean);
        }
    }

    private static String clean(String key) {
        return key.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
