package dev.gradcheck.baseline;

import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM that records baselines, as a surefire fork would: {@code main(dir, unit, prefix, count)}
 * records {@code count} lines {@code <prefix><i>/W}, one {@link BaselineStore#record} call each.
 * Started by {@link BaselineStoreTests} to prove that forks recording at once lose no line.
 */
public final class RecordingProcess {

    private RecordingProcess() {
    }

    public static void main(String[] args) {
        BaselineStore store = new BaselineStore(Path.of(args[0]));
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            store.record(args[1], List.of(new Baseline(args[2] + i + "/W", i * 1e-13, i * 2e-13, i + 1, 1e-4, 1.5)));
        }
    }
}
