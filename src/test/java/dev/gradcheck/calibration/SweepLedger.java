package dev.gradcheck.calibration;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.TensorReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sweep of correct units found, per unit: cases, failures, elements settled by the second look,
 * and the {@link ErrorProfile} of the rest. Written to a text file for the README's calibration.
 */
final class SweepLedger {

    /** One unit's tally. */
    private static final class Tally {
        long cases, failures, rechecked, skipped;
        ErrorProfile profile = ErrorProfile.EMPTY;
        String worstCase = "";
    }

    private final Map<String, Tally> tallies = new TreeMap<>();

    /** Adds one check of {@code unit}, described by {@code label}. */
    synchronized void add(String unit, String label, CheckReport report) {
        Tally t = tallies.computeIfAbsent(unit, u -> new Tally());
        t.cases++;
        t.failures += report.passed() ? 0 : 1;
        for (TensorReport tensor : report.tensors()) {
            t.rechecked += tensor.rechecked();
            t.skipped += tensor.skipped();
        }
        ErrorProfile p = ErrorProfile.of(report);
        if (p.ratio() > t.profile.ratio()) {
            t.worstCase = label;
        }
        t.profile = t.profile.merge(p);
    }

    /** Every unit's tally merged. */
    synchronized ErrorProfile overall() {
        return tallies.values().stream().map(t -> t.profile).reduce(ErrorProfile.EMPTY, ErrorProfile::merge);
    }

    synchronized long cases() {
        return tallies.values().stream().mapToLong(t -> t.cases).sum();
    }

    synchronized long failures() {
        return tallies.values().stream().mapToLong(t -> t.failures).sum();
    }

    /** One line per unit and a total. */
    synchronized String table() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-20s %8s %8s %10s %9s %8s %10s %10s %10s  %s%n",
                "unit", "cases", "failures", "elements", "rechecked", "skipped", "max ratio", "max ulps", "max rel", "worst case"));
        tallies.forEach((unit, t) -> s.append(String.format(Locale.ROOT, "%-20s %8d %8d %10d %9d %8d %10.3g %10.3g %10.3g  %s%n",
                unit, t.cases, t.failures, t.profile.elements(), t.rechecked, t.skipped, t.profile.ratio(), t.profile.ulps(),
                t.profile.relative(), t.worstCase)));
        ErrorProfile all = overall();
        s.append(String.format(Locale.ROOT, "%-20s %8d %8d %10d %9s %8s %10.3g %10.3g %10.3g%n", "all", cases(), failures(),
                all.elements(), "", "", all.ratio(), all.ulps(), all.relative()));
        return s.toString();
    }

    /** Writes {@link #table()} to {@code file}. */
    synchronized void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the sweep's table to " + file, e);
        }
    }
}
