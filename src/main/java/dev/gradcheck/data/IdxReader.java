package dev.gradcheck.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, gzip-compressed or plain.
 *
 * <p>Header: two zero bytes, a type byte (0x08 = unsigned byte, the only type supported), the
 * number of dimensions, then each dimension as a big-endian 32-bit integer. The header is
 * validated before anything is allocated, and the data is read incrementally, so a header that
 * claims more than the file holds fails as "truncated" without first allocating what it claims.
 */
public final class IdxReader {

    /** Type byte of unsigned-byte data. */
    private static final int UNSIGNED_BYTE = 0x08;

    /** Largest element count accepted: what a Java array can hold. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** Reads {@code file}; gzip is recognised by its magic bytes, not by the file name. */
    public static IdxFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IdxFormatException(file, "no such file");
        }
        try (InputStream in = open(file)) {
            DataInputStream data = new DataInputStream(in);
            int[] dims = header(file, data);
            long size = 1;
            for (int d : dims) {
                size *= d;
                if (size > MAX_ELEMENTS) {
                    throw new IdxFormatException(file, "header claims dimensions " + format(dims) + " = " + product(dims)
                            + " elements, more than can be held (" + MAX_ELEMENTS + ")");
                }
            }
            byte[] elements = data.readNBytes((int) size);
            if (elements.length < size) {
                throw new IdxFormatException(file, "truncated: header claims dimensions " + format(dims) + " = " + size
                        + " bytes of data but only " + elements.length + " follow");
            }
            if (data.read() != -1) {
                throw new IdxFormatException(file, "has bytes beyond the " + size + " that its header " + format(dims) + " claims");
            }
            return new IdxFile(file, dims, elements);
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(file, "corrupt or truncated file: " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in)) : in;
    }

    private static int[] header(Path file, DataInputStream in) throws IOException {
        int zero0 = in.read();
        int zero1 = in.read();
        int type = in.read();
        int rank = in.read();
        if (rank < 0) {
            throw new IdxFormatException(file, "truncated: shorter than the 4-byte IDX header");
        }
        if (zero0 != 0 || zero1 != 0) {
            throw new IdxFormatException(file, String.format("wrong magic number 0x%02x%02x%02x%02x: an IDX file starts with two zero bytes",
                    zero0, zero1, type, rank));
        }
        if (type != UNSIGNED_BYTE) {
            throw new IdxFormatException(file, String.format("element type 0x%02x is not supported; only unsigned bytes (0x08) are", type));
        }
        if (rank < 1 || rank > 4) {
            throw new IdxFormatException(file, "header claims " + rank + " dimensions; expected 1 to 4");
        }
        int[] dims = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            long d = Integer.toUnsignedLong(in.readInt());
            if (d < 1 || d > MAX_ELEMENTS) {
                throw new IdxFormatException(file, "header claims dimension " + axis + " = " + d
                        + "; each dimension must be between 1 and " + MAX_ELEMENTS);
            }
            dims[axis] = (int) d;
        }
        return dims;
    }

    /** The exact product of the dimensions, which a long may not hold (four of 2^16 make 2^64). */
    private static BigInteger product(int[] dims) {
        BigInteger product = BigInteger.ONE;
        for (int d : dims) {
            product = product.multiply(BigInteger.valueOf(d));
        }
        return product;
    }

    private static String format(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return s.toString();
    }
}
