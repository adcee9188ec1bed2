package dev.gradcheck.catalogue;

import dev.gradcheck.check.FailureCategory;
import java.util.List;

/**
 * One entry of the catalogue: a unit with one known bug, the category of failure the harness must
 * report for it, words the failure message must contain, and the cases it is checked on (its layer's
 * standard cases, or the part of them where the bug is what the entry names).
 *
 * @param name     the bug, as the class that has it is named ({@code AffineWithoutTranspose})
 * @param layer    the layer or net it breaks
 * @param category the category every failing case must report
 * @param symptom  words the first failure's message contains
 * @param cases    the cases run
 */
public record Fault(String name, String layer, FailureCategory category, String symptom, List<CheckCase> cases) {

    public Fault {
        cases = List.copyOf(cases);
    }

    @Override
    public String toString() {
        return name;
    }
}
