package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.Map;

/** The protocol rules a checked layer must keep, as checks that throw {@link ContractViolation}. */
final class Contracts {

    private Contracts() {
    }

    /** Fails unless {@code after} has the bits of {@code before}: {@code step} must not modify {@code what}. */
    static void requireUnmodified(Tensor after, Tensor before, String step, String what) {
        if (!after.sameShape(before)) {
            throw new ContractViolation(step + " changed the shape of its argument " + what + " from "
                    + before.shapeString() + " to " + after.shapeString());
        }
        for (int i = 0; i < after.size(); i++) {
            if (Double.doubleToLongBits(after.get(i)) != Double.doubleToLongBits(before.get(i))) {
                throw new ContractViolation(step + " modified its argument " + what + " at " + before.indexString(i)
                        + ": " + before.get(i) + " became " + after.get(i) + " (layers must not modify their arguments)");
            }
        }
    }

    /**
     * Fails if forward's {@code out} shares its array with one of the unit's {@code inputs}: perturbing
     * that input would change an output already returned, and a numerical gradient that keeps outputs
     * would see no difference and come out silently zero.
     */
    static void requireNewOutput(String unit, Tensor out, Map<String, Tensor> inputs) {
        inputs.forEach((name, t) -> {
            if (out.data() == t.data()) {
                throw new ContractViolation(unit + ".forward returned its argument " + name + " itself (the same array, "
                        + "an alias): perturbing " + name + " would change the output already returned, which makes a "
                        + "numerical gradient that keeps outputs silently zero; return a new tensor");
            }
        });
    }

    /** Fails if backward's result {@code gradient} is the array of {@code dout} itself. */
    static void requireNotDout(String unit, String gradient, Tensor result, Tensor dout) {
        if (result.data() == dout.data()) {
            throw new ContractViolation(unit + ".backward returned its argument dout itself as the gradient for " + gradient
                    + " (an alias: whoever updates one changes the other); return a new tensor");
        }
    }

    /** Fails unless forward's {@code out} is finite, naming the first NaN or infinite element. */
    static void requireFiniteOutput(String unit, Tensor out) {
        int i = out.firstNonFinite();
        if (i >= 0) {
            throw new ContractViolation(FailureCategory.NON_FINITE, unit + ".forward gave " + out.get(i) + " at "
                    + out.indexString(i) + " of its output " + out.shapeString());
        }
    }

    /**
     * Fails unless {@code atTwo}, backward of a loss layer at dout = 2, is exactly twice {@code atOne},
     * backward at dout = 1: dL/dx scales with dout (times 2 is exact in floating point), so a backward
     * that ignores dout is caught even though the loss's own check starts it at 1. Where backward(1)
     * underflows to a subnormal it has lost bits that backward(2) keeps, so a difference up to the
     * smallest normal double (2.2e-308) is allowed.
     */
    static void requireScalesWithDout(String unit, Tensor atOne, Tensor atTwo) {
        if (!atOne.sameShape(atTwo)) {
            throw new ContractViolation(unit + ".backward(2) gave shape " + atTwo.shapeString() + " but backward(1) gave "
                    + atOne.shapeString());
        }
        for (int i = 0; i < atOne.size(); i++) {
            double expected = 2 * atOne.get(i);
            boolean same = Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(atTwo.get(i));
            if (!same && !(Math.abs(expected - atTwo.get(i)) <= Double.MIN_NORMAL)) {
                throw new ContractViolation(unit + ".backward(dout) does not scale with dout: at " + atOne.indexString(i)
                        + " backward(1) gave " + atOne.get(i) + " and backward(2) gave " + atTwo.get(i) + ", not " + expected
                        + " (dL/dx must be multiplied by dout)");
            }
        }
    }
}
