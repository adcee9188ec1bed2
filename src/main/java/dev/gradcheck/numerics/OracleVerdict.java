package dev.gradcheck.numerics;

import dev.gradcheck.tensor.Shapes;
import java.util.Locale;

/**
 * What the exact oracle (forward-mode automatic differentiation) says about the elements of one
 * tensor where the analytic gradient A and the numerical gradient N disagree: for each, which side
 * agrees with the exact value E under the check's own tolerance.
 *
 * @param tensor          the tensor's name
 * @param shape           its shape
 * @param disagreeing     elements where A and N disagree
 * @param backwardWrong   of those, elements where N agrees with E and A does not
 * @param differenceWrong elements where A agrees with E and N does not
 * @param bothWrong       elements where neither agrees with E
 * @param undecided       elements where both agree with E (each lies just inside its own bound)
 * @param noDerivative    elements at a kink, where E does not exist
 * @param exampleIndex    flat index of the first element blamed on backward, else the first examined; -1 if none
 * @param analytic        A at the example
 * @param numeric         N at the example
 * @param exact           E at the example
 */
public record OracleVerdict(String tensor, int[] shape, int disagreeing, int backwardWrong, int differenceWrong,
                            int bothWrong, int undecided, int noDerivative, int exampleIndex, double analytic,
                            double numeric, double exact) {

    /** Which side of the check the oracle finds wrong. */
    public enum Blame {
        /** At least one element's analytic gradient is off the exact value: fix backward. */
        BACKWARD,
        /** Every analytic value the oracle could judge is exact; the finite difference is off (step, kink, rounding). */
        FINITE_DIFFERENCE,
        /** Nothing the oracle could judge. */
        UNDECIDED
    }

    /** BACKWARD if any element's A is off E, else FINITE_DIFFERENCE if any N is, else UNDECIDED. */
    public Blame blame() {
        if (backwardWrong + bothWrong > 0) {
            return Blame.BACKWARD;
        }
        return differenceWrong > 0 ? Blame.FINITE_DIFFERENCE : Blame.UNDECIDED;
    }

    /** One line for a failure message. */
    public String describe() {
        String counts = String.format(Locale.ROOT, "of %d disagreeing elements the exact value sides with the numerical "
                + "gradient on %d, with the analytic on %d, with neither on %d", disagreeing, backwardWrong,
                differenceWrong, bothWrong) + (noDerivative > 0 ? ", " + noDerivative + " at a kink" : "");
        String example = exampleIndex < 0 ? "" : String.format(Locale.ROOT, "; e.g. %s: analytic %.9g, numerical %.9g, exact %.9g",
                Shapes.formatIndex(shape, exampleIndex), analytic, numeric, exact);
        String conclusion = switch (blame()) {
            case BACKWARD -> "backward is wrong";
            case FINITE_DIFFERENCE -> "backward is right, the finite difference is off "
                    + "(its step does not resolve the function: see the sweep)";
            case UNDECIDED -> "no verdict";
        };
        return String.format(Locale.ROOT, "[oracle] %s: %s: %s%s", tensor, conclusion, counts, example);
    }
}
