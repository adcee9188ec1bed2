package dev.gradcheck.check;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradient check: compares a unit's analytic gradient (backward) with the central-difference
 * gradient of its scalar, for every input and parameter, and checks the protocol on the way.
 *
 * <ol>
 *   <li>Snapshot every variable; run forward and backward once for the analytic gradient; every
 *       variable must be unchanged and every gradient shaped like its variable.</li>
 *   <li>Evaluate the scalar twice at the unperturbed point: the two values must be bit-identical
 *       (forward is deterministic) and finite.</li>
 *   <li>For each variable, the central difference of every element, then the element-wise
 *       comparison ({@link TensorComparison}); every variable must be restored to its original bits.</li>
 * </ol>
 * The check never throws because of the unit: exceptions and breaches become {@link Problem}s in
 * the {@link CheckReport}. Asserting is the caller's job. Every report is handed to the
 * {@link CheckListener}s before it is returned.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /** Checks {@code unit} with the default options. */
    public static CheckReport check(Checkable unit) {
        return check(unit, CheckOptions.defaults());
    }

    /** Checks {@code unit} with {@code options}. */
    public static CheckReport check(Checkable unit, CheckOptions options) {
        CheckReport report = run(unit, options);
        CheckListeners.publish(report);
        return report;
    }

    private static CheckReport run(Checkable unit, CheckOptions options) {
        List<Problem> problems = new ArrayList<>();
        List<TensorReport> tensors = new ArrayList<>();
        List<Variable> variables = unit.variables();
        Map<String, Tensor> originals = snapshot(variables);

        Map<String, Tensor> analytic = analytic(unit, variables, originals, problems);
        double f0 = analytic == null ? Double.NaN : baseLoss(unit, problems);
        if (analytic == null || !problems.isEmpty()) {
            return new CheckReport(unit.name(), options, tensors, problems);
        }
        double lossScale = unit.lossScale();
        double roundingFloor = options.tolerance().roundingFloor(lossScale, options.h());
        for (Variable v : variables) {
            Tensor numeric;
            try {
                numeric = NumericalGradient.centralDifference(unit::loss, v.value(), options.h());
            } catch (RuntimeException e) {
                problems.add(layerError(unit, "forward during the numerical gradient of " + v.name(), e));
                break;
            }
            tensors.add(TensorComparison.compare(v, analytic.get(v.name()), numeric, unit::loss, f0, roundingFloor, options));
            if (!v.value().sameBits(originals.get(v.name()))) {
                problems.add(new Problem(FailureCategory.CONTRACT_BREACH, v.name()
                        + " was not restored to its original bits after the numerical gradient"));
            }
        }
        return new CheckReport(unit.name(), options, lossScale, tensors, problems);
    }

    /** The analytic gradient, or null with a problem recorded. */
    private static Map<String, Tensor> analytic(Checkable unit, List<Variable> variables, Map<String, Tensor> originals,
                                                List<Problem> problems) {
        Map<String, Tensor> analytic;
        try {
            analytic = unit.analyticGradient();
        } catch (ContractViolation | ShapeException e) {
            problems.add(new Problem(FailureCategory.CONTRACT_BREACH, e.getMessage(), e));
            return null;
        } catch (RuntimeException e) {
            problems.add(layerError(unit, "forward and backward", e));
            return null;
        }
        for (Variable v : variables) {
            try {
                Contracts.requireUnmodified(v.value(), originals.get(v.name()), unit.name() + " forward/backward", v.name());
            } catch (ContractViolation e) {
                problems.add(new Problem(FailureCategory.CONTRACT_BREACH, e.getMessage()));
            }
            Tensor g = analytic.get(v.name());
            if (g == null) {
                problems.add(new Problem(FailureCategory.CONTRACT_BREACH, unit.name() + ": backward gave no gradient for " + v.name()));
            } else if (!g.sameShape(v.value())) {
                problems.add(new Problem(FailureCategory.CONTRACT_BREACH, unit.name() + ": gradient for " + v.name()
                        + " has shape " + g.shapeString() + " but " + v.name() + " has shape " + v.value().shapeString()));
            }
        }
        return analytic;
    }

    /** The scalar at the unperturbed point, evaluated twice to check determinism. */
    private static double baseLoss(Checkable unit, List<Problem> problems) {
        double first, second;
        try {
            first = unit.loss();
            second = unit.loss();
        } catch (RuntimeException e) {
            problems.add(layerError(unit, "forward", e));
            return Double.NaN;
        }
        if (Double.doubleToRawLongBits(first) != Double.doubleToRawLongBits(second)) {
            problems.add(new Problem(FailureCategory.CONTRACT_BREACH, unit.name()
                    + ": forward is not deterministic: the same input gave " + first + " and then " + second));
        } else if (!Double.isFinite(first)) {
            problems.add(new Problem(FailureCategory.NON_FINITE, unit.name() + ": the loss at the unperturbed point is " + first));
        }
        return first;
    }

    private static Map<String, Tensor> snapshot(List<Variable> variables) {
        Map<String, Tensor> copies = new LinkedHashMap<>();
        for (Variable v : variables) {
            copies.put(v.name(), v.value().copy());
        }
        return copies;
    }

    private static Problem layerError(Checkable unit, String step, RuntimeException e) {
        return new Problem(FailureCategory.LAYER_ERROR, unit.name() + " threw " + e.getClass().getSimpleName()
                + " during " + step + ": " + e.getMessage(), e);
    }
}
