package dev.gradcheck.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.gradcheck.support.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the IDX fixtures, and clear errors for files that are not what they claim. */
class IdxReaderTests {

    @TempDir
    Path dir;

    @Test
    void fixtureSliceHoldsAThousandTestImagesInTheUnitInterval() throws IOException {
        Dataset test = Mnist.load(Fixtures.FASHION_MNIST, Mnist.Split.TEST);
        assertEquals(1000, test.size());
        assertEquals(784, test.features());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, java.util.Arrays.copyOf(test.labels(), 10));
        double min = 1, max = 0;
        for (double v : test.images().data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0, min);
        assertEquals(1, max);
        assertEquals(2000, Mnist.load(Fixtures.FASHION_MNIST, Mnist.Split.TRAIN).size());
    }

    @Test
    void oneHotLabelsHaveTenColumns() throws IOException {
        Dataset test = Mnist.load(Fixtures.FASHION_MNIST, Mnist.Split.TEST).first(2);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0},
                test.oneHotLabels().data());
    }

    @Test
    void plainAndGzipFilesReadTheSame() throws IOException {
        byte[] file = idx(new int[] {2, 2}, new byte[] {1, 2, (byte) 200, 4});
        Path plain = write("plain", file, false);
        Path gz = write("gz", file, true);
        IdxFile a = IdxReader.read(plain);
        IdxFile b = IdxReader.read(gz);
        assertArrayEquals(new int[] {2, 2}, a.dims());
        assertArrayEquals(a.data(), b.data());
        assertEquals(200, a.unsigned(2));
    }

    @Test
    void truncatedFileNamesTheFileAndTheShortfall() throws IOException {
        byte[] full = idx(new int[] {3, 2, 2}, new byte[12]);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 5);
        Path file = write("images", cut, true);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        assertEquals(file + ": truncated: header claims dimensions 3x2x2 = 12 bytes of data but only 7 follow", e.getMessage());
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        byte[] bytes = idx(new int[] {1}, new byte[1]);
        bytes[0] = 0x12;
        Path file = write("magic", bytes, false);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        assertEquals(file + ": wrong magic number 0x12000801: an IDX file starts with two zero bytes", e.getMessage());
    }

    @Test
    void absurdDimensionsFailBeforeAllocating() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {0, 0, 8, 3});
        out.writeInt(0x80000000);
        out.writeInt(28);
        out.writeInt(28);
        Path file = write("absurd", bytes.toByteArray(), true);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().contains("header claims dimension 0 = 2147483648"), e.getMessage());
    }

    @Test
    void hugeButRepresentableCountFailsAsTruncatedWithoutAllocatingIt() throws IOException {
        Path file = write("huge", idx(new int[] {60000, 28, 28}, new byte[10]), true);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().contains("header claims dimensions 60000x28x28 = 47040000 bytes of data but only 10 follow"),
                e.getMessage());
    }

    @Test
    void dimensionsWhoseProductOverflowsALongAreRejected() throws IOException {
        Path file = write("overflow", idx(new int[] {65536, 65536, 65536, 65536}, new byte[0]), false);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        assertEquals(file + ": header claims dimensions 65536x65536x65536x65536 = 18446744073709551616 elements, more than "
                + "can be held (2147483639)", e.getMessage());
    }

    @Test
    void aHeaderClaimingTwoGigabytesAllocatesOnlyWhatTheFileHolds() throws IOException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        Path file = write("claims-2GB", idx(new int[] {2_147_483_639}, new byte[1000]), true);
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(e.getMessage().contains("truncated: header claims dimensions 2147483639 = 2147483639 bytes of data but "
                + "only 1000 follow"), e.getMessage());
        assertTrue(allocated < 4 << 20, "reading the file allocated " + allocated + " bytes");
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRejected() throws IOException {
        Files.createDirectories(dir.resolve("set"));
        write("set/t10k-images-idx3-ubyte.gz", idx(new int[] {3, 2, 2}, new byte[12]), true);
        write("set/t10k-labels-idx1-ubyte.gz", idx(new int[] {2}, new byte[2]), true);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir.resolve("set"), Mnist.Split.TEST));
        assertTrue(e.getMessage().endsWith("t10k-labels-idx1-ubyte.gz: holds 2 labels but " + dir.resolve("set")
                + "/t10k-images-idx3-ubyte.gz holds 3 images"), e.getMessage());
    }

    @Test
    void aMissingDirectoryOrFileIsNamed() throws IOException {
        IOException missingDir = assertThrows(IOException.class, () -> Mnist.load(dir.resolve("nope"), Mnist.Split.TEST));
        assertTrue(missingDir.getMessage().startsWith(dir.resolve("nope") + ": not a directory"), missingDir.getMessage());
        IOException missingFile = assertThrows(IOException.class, () -> Mnist.load(dir, Mnist.Split.TRAIN));
        assertEquals(dir + ": holds neither train-images-idx3-ubyte.gz nor train-images-idx3-ubyte", missingFile.getMessage());
    }

    @Test
    void aLabelAboveNineIsRejected() throws IOException {
        Files.createDirectories(dir.resolve("set"));
        write("set/t10k-images-idx3-ubyte.gz", idx(new int[] {2, 1, 1}, new byte[2]), true);
        write("set/t10k-labels-idx1-ubyte.gz", idx(new int[] {2}, new byte[] {3, 12}), true);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir.resolve("set"), Mnist.Split.TEST));
        assertTrue(e.getMessage().endsWith("label 12 at index 1 is not a class 0-9"), e.getMessage());
    }

    private static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {0, 0, 8, (byte) dims.length});
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] bytes, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }
}
