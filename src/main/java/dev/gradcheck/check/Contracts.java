package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;

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
}
