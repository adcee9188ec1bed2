package dev.gradcheck.data;

import java.nio.file.Path;

/**
 * The content of an IDX file of unsigned bytes: its dimensions and its elements, row-major.
 *
 * @param path where it was read from, for messages
 * @param dims the dimensions from the header, such as (10000, 28, 28)
 * @param data the elements as read (unsigned bytes, read them with {@code & 0xff})
 */
public record IdxFile(Path path, int[] dims, byte[] data) {

    /** The element at flat index i as an int in [0, 255]. */
    public int unsigned(int i) {
        return data[i] & 0xff;
    }
}
