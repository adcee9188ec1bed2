package dev.gradcheck.data;

import dev.gradcheck.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads MNIST-format data (MNIST, Fashion-MNIST) from a directory holding the standard file names,
 * gzip-compressed or not; mirrors the book's {@code load_mnist(normalize=True)}.
 * Debian's {@code dataset-fashion-mnist} installs such a directory at /usr/share/datasets/fashion-mnist.
 */
public final class Mnist {

    /** Which half of the data set. */
    public enum Split {
        TRAIN("train"), TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }
    }

    private Mnist() {
    }

    /** Images (N, rows·cols) scaled to [0, 1] and labels 0–9 of one split. */
    public static Dataset load(Path dir, Split split) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory (expected one holding " + split.prefix + "-images-idx3-ubyte[.gz])");
        }
        IdxFile images = IdxReader.read(find(dir, split.prefix + "-images-idx3-ubyte"));
        IdxFile labels = IdxReader.read(find(dir, split.prefix + "-labels-idx1-ubyte"));
        if (images.dims().length != 3) {
            throw new IdxFormatException(images.path(), "expected 3 dimensions (images, rows, cols) but the header has "
                    + images.dims().length);
        }
        if (labels.dims().length != 1) {
            throw new IdxFormatException(labels.path(), "expected 1 dimension (labels) but the header has " + labels.dims().length);
        }
        int count = images.dims()[0];
        if (labels.dims()[0] != count) {
            throw new IdxFormatException(labels.path(), "holds " + labels.dims()[0] + " labels but " + images.path()
                    + " holds " + count + " images");
        }
        return new Dataset(pixels(images, count), classes(labels));
    }

    private static Tensor pixels(IdxFile images, int count) {
        int features = images.dims()[1] * images.dims()[2];
        double[] data = new double[images.data().length];
        for (int i = 0; i < data.length; i++) {
            data[i] = images.unsigned(i) / 255.0;
        }
        return Tensor.wrap(data, count, features);
    }

    private static int[] classes(IdxFile labels) throws IdxFormatException {
        int[] classes = new int[labels.data().length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = labels.unsigned(i);
            if (classes[i] >= Dataset.CLASSES) {
                throw new IdxFormatException(labels.path(), "label " + classes[i] + " at index " + i
                        + " is not a class 0-" + (Dataset.CLASSES - 1));
            }
        }
        return classes;
    }

    private static Path find(Path dir, String name) throws IOException {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new IOException(dir + ": holds neither " + name + ".gz nor " + name);
    }
}
