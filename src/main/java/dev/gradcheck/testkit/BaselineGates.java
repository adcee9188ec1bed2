package dev.gradcheck.testkit;

import dev.gradcheck.baseline.BaselineGate;
import dev.gradcheck.baseline.BaselineMode;
import dev.gradcheck.baseline.BaselineStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The baseline gate of a contract: the standard one, or one per directory a contract names. */
final class BaselineGates {

    /** Gates by absolute directory, so every test of a run shares one store per directory. */
    private static final Map<Path, BaselineGate> BY_DIRECTORY = new ConcurrentHashMap<>();

    private BaselineGates() {
    }

    /** The gate over {@code directory}, or {@link BaselineGate#standard()} when it is empty. */
    static BaselineGate of(Optional<Path> directory) {
        if (directory.isEmpty()) {
            return BaselineGate.standard();
        }
        return BY_DIRECTORY.computeIfAbsent(directory.get().toAbsolutePath().normalize(),
                dir -> new BaselineGate(new BaselineStore(dir), BaselineMode.fromSystemProperty(),
                        BaselineGate.standard().listeners()));
    }
}
