package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.function.DoubleSupplier;

/** An exception the checked unit threw, wrapped with the step of the check it threw in. */
final class LayerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The step, such as {@code forward during the numerical gradient of W at (0, 1) = 0.5001}. */
    private final String step;

    LayerFailure(String step, RuntimeException cause) {
        super(step, cause);
        this.step = step;
    }

    String step() {
        return step;
    }

    /** The original exception. */
    RuntimeException original() {
        return (RuntimeException) getCause();
    }

    /**
     * The unit's loss, perturbing {@code v}: an exception is wrapped with the element of v that was
     * perturbed when it was thrown (found against {@code original}, before the perturbation is undone).
     */
    static DoubleSupplier namingPerturbation(Checkable unit, Variable v, Tensor original) {
        return () -> {
            try {
                return unit.loss();
            } catch (RuntimeException e) {
                throw new LayerFailure("forward during the numerical gradient of " + v.name() + perturbation(v.value(), original), e);
            }
        };
    }

    private static String perturbation(Tensor now, Tensor original) {
        for (int i = 0; i < now.size(); i++) {
            if (Double.doubleToRawLongBits(now.get(i)) != Double.doubleToRawLongBits(original.get(i))) {
                return " at " + now.indexString(i) + " = " + now.get(i) + " (originally " + original.get(i) + ")";
            }
        }
        return " at the unperturbed point";
    }
}
