package dev.gradcheck.catalogue;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.Checkable;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One case the harness checks: a fresh unit per run, and the id of its recorded baseline when the
 * case is one of the parameterized checks that {@code fixtures/baselines} holds.
 *
 * @param label what the case is, for messages ({@code Affine x (2, 9), seed 42})
 * @param unit  builds the unit afresh (a new layer at new tensors) on every call
 * @param id    the baseline id, if the case has one
 */
public record CheckCase(String label, Supplier<Checkable> unit, Optional<CheckId> id) {

    /** A case with a recorded baseline. */
    public static CheckCase gated(String label, CheckId id, Supplier<Checkable> unit) {
        return new CheckCase(label, unit, Optional.of(id));
    }

    /** A case without a baseline: the tolerance and the contracts only. */
    public static CheckCase ungated(String label, Supplier<Checkable> unit) {
        return new CheckCase(label, unit, Optional.empty());
    }

    @Override
    public String toString() {
        return label;
    }
}
