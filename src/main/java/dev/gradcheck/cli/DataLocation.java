package dev.gradcheck.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Fashion-MNIST slice of the repository is, when no {@code --data} is given. */
final class DataLocation {

    /** The slice's place relative to the repository root. */
    private static final Path SLICE = Path.of("fixtures", "fashion-mnist");

    private DataLocation() {
    }

    /** {@code fixtures/fashion-mnist} under the working directory, else beside the jar's {@code target/}. */
    static Path fixtureSlice() throws IOException {
        if (Files.isDirectory(SLICE)) {
            return SLICE;
        }
        Path besideJar = repositoryOfJar();
        if (besideJar != null && Files.isDirectory(besideJar.resolve(SLICE))) {
            return besideJar.resolve(SLICE);
        }
        throw new IOException("no --data given and no " + SLICE + " under the working directory "
                + Path.of("").toAbsolutePath() + "; run from the repository root or pass --data DIR");
    }

    private static Path repositoryOfJar() {
        try {
            Path code = Path.of(DataLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            return target == null ? null : target.getParent();
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
