package dev.gradcheck.testkit;

import dev.gradcheck.check.ContractViolation;
import dev.gradcheck.tensor.Tensor;

/** Bit-for-bit comparison of tensors, naming the first element that differs. */
final class Bits {

    private Bits() {
    }

    /** Flat index of the first element whose bits differ, or -1; both must have one shape. */
    static int firstDifference(Tensor a, Tensor b) {
        for (int i = 0; i < a.size(); i++) {
            if (Double.doubleToRawLongBits(a.get(i)) != Double.doubleToRawLongBits(b.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Fails with a {@link ContractViolation} unless {@code after} has the shape and bits of {@code before}. */
    static void requireUnmodified(Tensor before, Tensor after, String step, String what, String kind) {
        if (!after.sameShape(before)) {
            throw new ContractViolation(step + " changed the shape of its " + kind + " " + what + " from "
                    + before.shapeString() + " to " + after.shapeString());
        }
        int i = firstDifference(before, after);
        if (i >= 0) {
            throw new ContractViolation(step + " modified its " + kind + " " + what + " at " + before.indexString(i) + ": "
                    + before.get(i) + " became " + after.get(i) + " (layers must not modify their " + kind + "s)");
        }
    }
}
