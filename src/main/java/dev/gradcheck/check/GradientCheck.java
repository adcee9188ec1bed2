package dev.gradcheck.check;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The gradient check: compares a unit's analytic gradient (backward) with the central-difference
 * gradient of its scalar, for every input and parameter, and checks the protocol on the way.
 *
 * <ol>
 *   <li>Snapshot every variable; run forward and backward once for the analytic gradient; every
 *       variable must be unchanged and every gradient shaped like its variable.</li>
 *   <li>Evaluate the scalar twice at the unperturbed point: the two values must be bit-identical
 *       (forward is deterministic) and finite.</li>
 *   <li>Run the unit again ({@link ContractChecks}): no gradient is an alias, forward and backward
 *       repeat to the bit, and no cache goes stale after forward and backward at another point.</li>
 *   <li>For each variable, the numerical gradient of every element by the options' {@link Stencil}
 *       (the book's central difference by default), then the element-wise
 *       comparison ({@link TensorComparison}) with the bits backward first returned; every variable
 *       must be restored to its original bits, and the tensors backward returned must still hold them.</li>
 * </ol>
 * The check never throws because of the unit: exceptions and breaches become {@link Problem}s in
 * the {@link CheckReport}. Asserting is the caller's job.
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
        List<Problem> problems = new ArrayList<>();
        List<TensorReport> tensors = new ArrayList<>();
        List<Variable> variables = unit.variables();
        Map<String, Tensor> originals = snapshot(variables);

        Map<String, Tensor> returned = analytic(unit, variables, originals, problems);
        double f0 = returned == null ? Double.NaN : baseLoss(unit, problems);
        Map<String, Tensor> analytic = returned == null || !problems.isEmpty() ? null
                : ContractChecks.afterAnalytic(unit, variables, originals, returned, problems);
        if (analytic == null || !problems.isEmpty()) {
            ContractChecks.restore(variables, originals);
            return new CheckReport(unit.name(), options, tensors, problems);
        }
        double lossScale = unit.lossScale();
        double roundingFloor = options.tolerance().roundingFloor(lossScale, options.h()) * options.stencil().roundingGain();
        for (Variable v : variables) {
            DoubleSupplier loss = LayerFailure.namingPerturbation(unit, v, originals.get(v.name()));
            try {
                Tensor numeric = options.stencil().gradient(loss, v.value(), options.h());
                double[] allowance = PredictedBound.allowance(loss, v.value(), numeric, options);
                tensors.add(TensorComparison.compare(v, analytic.get(v.name()), numeric, loss, f0, roundingFloor, allowance,
                        options));
            } catch (LayerFailure e) {
                problems.add(layerError(unit, e.step(), e.original()));
                break;
            }
            if (!v.value().sameBits(originals.get(v.name()))) {
                problems.add(new Problem(FailureCategory.CONTRACT_BREACH, v.name()
                        + " was not restored to its original bits after the numerical gradient"));
            }
        }
        try {
            ContractChecks.requireUnchanged(unit.name(), analytic, returned, "while the checker ran forward for the numerical gradient");
        } catch (ContractViolation e) {
            problems.add(new Problem(e.category(), e.getMessage()));
        }
        return new CheckReport(unit.name(), options, lossScale, tensors, problems);
    }

    /** The analytic gradient, or null with a problem recorded. */
    private static Map<String, Tensor> analytic(Checkable unit, List<Variable> variables, Map<String, Tensor> originals,
                                                List<Problem> problems) {
        Map<String, Tensor> analytic;
        try {
            analytic = unit.analyticGradient();
        } catch (ContractViolation e) {
            problems.add(new Problem(e.category(), e.getMessage(), e));
            return null;
        } catch (ShapeException e) {
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

    /** {@code Name threw X during step: message}, keeping the exception as the cause. */
    static Problem layerError(Checkable unit, String step, RuntimeException e) {
        return new Problem(FailureCategory.LAYER_ERROR, unit.name() + " threw " + e.getClass().getSimpleName()
                + " during " + step + ": " + e.getMessage(), e);
    }
}
