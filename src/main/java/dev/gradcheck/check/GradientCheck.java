package dev.gradcheck.check;

import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   <li>Run the unit again ({@link ContractChecks}): no gradient is an alias, forward and backward
 *       repeat to the bit, and no cache goes stale after forward and backward at another point.</li>
 *   <li>For each variable, the numerical gradient of every element, then the element-wise
 *       comparison ({@link TensorComparison}) with the bits backward first returned; every variable
 *       must be restored to its original bits, and the tensors backward returned must still hold them.</li>
 * </ol>
 * How each loss is evaluated and which elements are compared is the {@link CheckMode} of the
 * options: by default the fastest full mode the unit supports (incremental for a net of
 * {@link dev.gradcheck.layers.IncrementalLayer}s, guarded by {@link IncrementalGuard}; plain for
 * any other unit). The directional mode checks each tensor along random directions
 * ({@link DirectionalCheck}) and goes through step 3 only for a tensor that fails.
 * The numerical gradient uses the options' {@link Stencil} (the book's central difference by
 * default); a tolerance with a truncation term adds each element's {@link PredictedBound}, from a
 * second numerical gradient at 2h.
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

        Map<String, Tensor> returned = analytic(unit, variables, originals, problems);
        double f0 = returned == null ? Double.NaN : baseLoss(unit, problems);
        Map<String, Tensor> analytic = returned == null || !problems.isEmpty() ? null
                : ContractChecks.afterAnalytic(unit, variables, originals, returned, problems,
                        options.mode() != CheckMode.DIRECTIONAL);
        if (analytic == null || !problems.isEmpty()) {
            ContractChecks.restore(variables, originals);
            return new CheckReport(unit.name(), options, tensors, problems);
        }
        double lossScale = unit.lossScale();
        double roundingFloor = options.tolerance().roundingFloor(lossScale, options.h()) * options.stencil().roundingGain();
        Evaluation evaluation = Evaluation.of(unit, options);
        String how = evaluation.describe(options.mode());
        TensorReport[] reports = new TensorReport[variables.size()];
        boolean[] elementwise = new boolean[variables.size()];
        Arrays.fill(elementwise, true);
        try {
            if (options.mode() == CheckMode.DIRECTIONAL) {
                for (int v = 0; v < variables.size(); v++) {
                    Variable var = variables.get(v);
                    reports[v] = DirectionalCheck.check(unit, var, v, originals.get(var.name()), analytic.get(var.name()),
                            roundingFloor, options);
                    elementwise[v] = !reports[v].passed();
                }
            }
        } catch (RuntimeException e) {
            problems.add(layerError(unit, "forward along a random direction", e));
            return new CheckReport(unit.name(), options, lossScale, tensors, problems, how);
        }
        int[][] indices = samples(variables, options);
        Tensor[] numeric;
        Tensor[] coarse = new Tensor[variables.size()];
        try {
            Problem guard = guard(unit, evaluation, variables, analytic, elementwise, lossScale, options);
            if (guard != null) {
                problems.add(guard);
                return new CheckReport(unit.name(), options, lossScale, tensors, problems, how);
            }
            numeric = evaluation.numericalGradients(unit, variables, indices, elementwise, options);
            if (options.tolerance().truncation() != 0) {
                coarse = evaluation.numericalGradients(unit, variables, indices, elementwise, options.withH(2 * options.h()));
            }
        } catch (LayerFailure e) {
            problems.add(layerError(unit, e.step(), e.original()));
            ContractChecks.restore(variables, originals);
            return new CheckReport(unit.name(), options, lossScale, tensors, problems, how);
        } catch (RuntimeException e) {
            problems.add(layerError(unit, "forward during the numerical gradient", e));
            ContractChecks.restore(variables, originals);
            return new CheckReport(unit.name(), options, lossScale, tensors, problems, how);
        }
        PerturbedLoss kinkLoss = null;
        for (int v = 0; v < variables.size(); v++) {
            Variable var = variables.get(v);
            if (elementwise[v]) {
                kinkLoss = kinkLoss != null ? kinkLoss : evaluation.kinkLoss();
                ElementLoss loss = kinkLoss == null ? ElementLoss.inPlace(unit::loss, var.value().data()) : ElementLoss.of(kinkLoss, v);
                try {
                    reports[v] = TensorComparison.compare(var, analytic.get(var.name()), numeric[v], loss, f0, roundingFloor,
                            PredictedBound.allowance(numeric[v], coarse[v], options), options, indices[v]);
                } catch (RuntimeException e) {
                    problems.add(layerError(unit, "forward during the second look at " + var.name(), e));
                    break;
                }
            }
            tensors.add(reports[v]);
            if (!var.value().sameBits(originals.get(var.name()))) {
                problems.add(new Problem(FailureCategory.CONTRACT_BREACH, var.name()
                        + " was not restored to its original bits after the numerical gradient"));
            }
        }
        try {
            ContractChecks.requireUnchanged(unit.name(), analytic, returned, "while the checker ran forward for the numerical gradient");
        } catch (ContractViolation e) {
            problems.add(new Problem(e.category(), e.getMessage()));
        }
        return new CheckReport(unit.name(), options, lossScale, tensors, problems, how);
    }

    /** The elements to compare per variable in sampled mode; null (every element) otherwise. */
    private static int[][] samples(List<Variable> variables, CheckOptions options) {
        int[][] indices = new int[variables.size()][];
        for (int v = 0; v < variables.size(); v++) {
            indices[v] = options.mode() == CheckMode.SAMPLED
                    ? ElementSample.of(variables.get(v).value().size(), options.samplesPerTensor(), options.seed() + v) : null;
        }
        return indices;
    }

    /** In incremental evaluation, the {@link IncrementalGuard}'s finding if elements are to be compared; else null. */
    private static Problem guard(Checkable unit, Evaluation evaluation, List<Variable> variables, Map<String, Tensor> analytic,
                                 boolean[] elementwise, double lossScale, CheckOptions options) {
        boolean any = false;
        for (boolean e : elementwise) {
            any |= e;
        }
        if (evaluation.kind() != CheckMode.INCREMENTAL || !any) {
            return null;
        }
        return IncrementalGuard.verify(unit.name(), variables, variables.stream().map(v -> analytic.get(v.name())).toList(),
                evaluation.fast().incrementalLoss(), evaluation.fast().faithfulLoss(), options.h(), lossScale, options.seed());
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
            String message = e.getMessage().startsWith(unit.name()) ? e.getMessage() : unit.name() + ": " + e.getMessage();
            problems.add(new Problem(FailureCategory.CONTRACT_BREACH, message, e));
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
        if (Double.doubleToLongBits(first) != Double.doubleToLongBits(second)) {
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
