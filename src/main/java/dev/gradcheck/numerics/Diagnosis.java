package dev.gradcheck.numerics;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.FailureCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a gradient check failed, found after the fact: the step-size sweep of the rejected elements
 * ({@link StepSweep#ofFailures}: real bug or unresolved step) and, where the unit has one, the exact
 * oracle ({@link Oracle}: backward or the finite difference). Run only for gradient mismatches: a
 * passing check, a contract breach or a non-finite value gets no diagnosis.
 *
 * @param sweep   the sweep of the rejected elements, if it ran (its {@link SweepChart} is the V)
 * @param verdict the sweep's reading per tensor
 * @param oracle  the oracle's verdict per tensor it covers
 * @param notes   what could not be diagnosed and why
 */
public record Diagnosis(Optional<SweepResult> sweep, List<SweepVerdict> verdict, List<OracleVerdict> oracle, List<String> notes) {

    public Diagnosis {
        verdict = List.copyOf(verdict);
        oracle = List.copyOf(oracle);
        notes = List.copyOf(notes);
    }

    /** Diagnoses {@code report}, a check of {@code unit}; empty unless it failed by a gradient mismatch. */
    public static Optional<Diagnosis> of(Checkable unit, CheckReport report) {
        if (report.passed() || report.category() != FailureCategory.GRADIENT_MISMATCH) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        SweepResult sweep = null;
        List<SweepVerdict> verdicts = new ArrayList<>();
        try {
            sweep = StepSweep.ofFailures(unit, report);
            for (SweepSeries s : sweep.series()) {
                verdicts.add(SweepVerdict.of(sweep, s, report.options().h()));
            }
        } catch (RuntimeException e) {
            notes.add("[sweep] could not run: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        List<OracleVerdict> oracle = List.of();
        try {
            oracle = Oracle.attribute(unit, report);
        } catch (RuntimeException e) {
            notes.add("[oracle] unavailable: " + e.getMessage());
        }
        return Optional.of(new Diagnosis(Optional.ofNullable(sweep), verdicts, oracle, notes));
    }

    /** One line per finding. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        verdict.forEach(v -> s.append("  ").append(v.describe()).append(System.lineSeparator()));
        oracle.forEach(v -> s.append("  ").append(v.describe()).append(System.lineSeparator()));
        notes.forEach(n -> s.append("  ").append(n).append(System.lineSeparator()));
        return s.toString();
    }
}
