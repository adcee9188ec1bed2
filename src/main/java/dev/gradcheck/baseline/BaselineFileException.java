package dev.gradcheck.baseline;

import java.nio.file.Path;

/**
 * A baseline file that cannot be trusted: unreadable, too large, or with a line that does not
 * parse. The message names the file, the line and the problem; the file is never overwritten.
 */
public final class BaselineFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file. */
    private final transient Path file;

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    private final int line;

    public BaselineFileException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public BaselineFileException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem
                + " (fix or delete the file, then record: mvn -B verify -D" + BaselineMode.PROPERTY + "=record)", cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
