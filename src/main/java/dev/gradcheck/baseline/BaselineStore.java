package dev.gradcheck.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The baseline files of one directory, {@code <unit>.txt} per unit (layer or net).
 *
 * <p>Reading parses a file once and keeps it. Recording is safe when several test JVMs (surefire
 * forks) and threads record at once: it takes a lock (a lock object per directory inside the JVM,
 * then an OS file lock on {@value #LOCK_FILE} across JVMs), re-reads the file, merges the new
 * lines into it and replaces it atomically ({@link AtomicWrite}). A file that fails to parse is
 * never written over, in any mode.
 */
public final class BaselineStore {

    /** System property naming the directory; {@code fixtures/baselines} (from the working directory) by default. */
    public static final String DIRECTORY_PROPERTY = "gradcheck.baselines.dir";

    /** The repository's baseline directory, relative to the build's working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("fixtures", "baselines");

    /** Lock file taken while recording; kept, not deleted, so every JVM locks the same file. */
    static final String LOCK_FILE = ".lock";

    /** One monitor per directory for the threads of this JVM: the OS lock is held per JVM, not per thread. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path directory;

    /** Parsed files by unit. */
    private final Map<String, SortedMap<String, Baseline>> cache = new ConcurrentHashMap<>();

    /** Wraps the writer of every recording; identity except in tests that interrupt a write. */
    private final UnaryOperator<Writer> writerWrap;

    /** A store over {@code directory}. */
    public BaselineStore(Path directory) {
        this(directory, UnaryOperator.identity());
    }

    BaselineStore(Path directory, UnaryOperator<Writer> writerWrap) {
        this.directory = directory.toAbsolutePath().normalize();
        this.writerWrap = writerWrap;
    }

    /** The store over the directory named by {@value #DIRECTORY_PROPERTY}, or {@link #DEFAULT_DIRECTORY}. */
    public static BaselineStore fromSystemProperty() {
        String dir = System.getProperty(DIRECTORY_PROPERTY, "").trim();
        return new BaselineStore(dir.isEmpty() ? DEFAULT_DIRECTORY : Path.of(dir));
    }

    public Path directory() {
        return directory;
    }

    /** {@code <directory>/<unit>.txt}; fails for a unit that is not a valid {@link CheckId} unit. */
    public Path file(String unit) {
        new CheckId(unit, "");
        Path file = directory.resolve(unit + ".txt").normalize();
        if (!directory.equals(file.getParent())) {
            throw new IllegalArgumentException("unit " + unit + " would name a file outside " + directory);
        }
        return file;
    }

    /** The recorded line for {@code id}'s {@code tensor}, if any. */
    public Optional<Baseline> find(CheckId id, String tensor) {
        return Optional.ofNullable(entries(id.unit()).get(id.key(tensor)));
    }

    /** Every recorded line of {@code unit}, sorted by key; empty if the unit has no file. */
    public SortedMap<String, Baseline> entries(String unit) {
        Path file = file(unit);
        SortedMap<String, Baseline> cached = cache.get(unit);
        if (cached != null) {
            return cached;
        }
        SortedMap<String, Baseline> read = Collections.unmodifiableSortedMap(readFile(file, unit));
        cache.put(unit, read);
        return read;
    }

    /**
     * Writes {@code lines} into {@code unit}'s file, replacing lines with the same key and keeping
     * all others, under the lock described above. Writes nothing if every line is already there.
     */
    public void record(String unit, Collection<Baseline> lines) {
        Path file = file(unit);
        synchronized (MONITORS.computeIfAbsent(directory, d -> new Object())) {
            try {
                Files.createDirectories(directory);
                try (FileChannel lock = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    lock.lock(); // released when the channel closes
                    SortedMap<String, Baseline> merged = readFile(file, unit);
                    SortedMap<String, Baseline> before = new TreeMap<>(merged);
                    lines.forEach(b -> merged.put(b.key(), b));
                    if (!merged.equals(before)) {
                        requireNoCaseTwin(file);
                        AtomicWrite.replace(file, BaselineFile.format(unit, merged.values()), writerWrap);
                    }
                    cache.put(unit, Collections.unmodifiableSortedMap(merged));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record baselines in " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static SortedMap<String, Baseline> readFile(Path file, String unit) {
        return Files.exists(file) ? BaselineFile.read(file, unit) : new TreeMap<>();
    }

    /** Refuses to create {@code Affine.txt} beside {@code affine.txt}: on a case-insensitive disk they are one file. */
    private void requireNoCaseTwin(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        String name = file.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path other : files) {
                String otherName = other.getFileName().toString();
                if (otherName.equalsIgnoreCase(name) && !otherName.equals(name)) {
                    throw new IllegalArgumentException("cannot create " + file + ": " + other
                            + " differs only in case and is the same file on case-insensitive file systems");
                }
            }
        }
    }
}
