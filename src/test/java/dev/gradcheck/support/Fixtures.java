package dev.gradcheck.support;

import dev.gradcheck.data.Dataset;
import dev.gradcheck.data.Mnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The repository's Fashion-MNIST slice; tests run from the repository root (Maven's basedir). */
public final class Fixtures {

    /** {@code fixtures/fashion-mnist}. */
    public static final Path FASHION_MNIST = Path.of("fixtures", "fashion-mnist");

    private Fixtures() {
    }

    /** The first {@code n} test images of the slice. */
    public static Dataset firstTestImages(int n) {
        return testSlice().first(n);
    }

    /** The slice's 2,000 training images. */
    public static Dataset trainSlice() {
        return load(Mnist.Split.TRAIN);
    }

    /** The slice's 1,000 test images. */
    public static Dataset testSlice() {
        return load(Mnist.Split.TEST);
    }

    private static Dataset load(Mnist.Split split) {
        try {
            return Mnist.load(FASHION_MNIST, split);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
