package dev.gradcheck.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file is malformed; the message names the file and the problem. */
public class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public IdxFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
