package dev.gradcheck.numerics;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The third oracle: when a check's analytic and numerical gradients disagree, the exact gradient
 * ({@link Checkable#exactGradient()}, forward-mode automatic differentiation) says which side is wrong.
 * Covers element-wise layers (Sigmoid, Tanh, Relu away from 0) and row-wise losses (SoftmaxWithLoss).
 */
public final class Oracle {

    private Oracle() {
    }

    /**
     * A verdict for every tensor of {@code report} that has disagreeing elements and that the unit's
     * oracle covers; empty if the check passed or the unit has no oracle. Disagreeing elements are
     * those beyond the check's tolerance (with its rounding floor); each side is judged against the
     * exact value with that same tolerance.
     *
     * @throws IllegalStateException if the unit's forward-mode twin computes other values than forward
     */
    public static List<OracleVerdict> attribute(Checkable unit, CheckReport report) {
        List<OracleVerdict> verdicts = new ArrayList<>();
        if (report.tensors().stream().allMatch(t -> t.failures() == 0)) {
            return verdicts;
        }
        Map<String, Tensor> exact = unit.exactGradient().orElse(Map.of());
        Tolerance tolerance = report.options().tolerance();
        double floor = tolerance.roundingFloor(unit.lossScale(), report.options().h()) * report.options().stencil().roundingGain();
        for (TensorReport t : report.tensors()) {
            if (t.failures() > 0 && exact.containsKey(t.name())) {
                verdicts.add(judge(t, exact.get(t.name()), tolerance, floor));
            }
        }
        return verdicts;
    }

    private static OracleVerdict judge(TensorReport t, Tensor exact, Tolerance tolerance, double floor) {
        double[] a = t.analytic().data(), n = t.numeric().data(), e = exact.data();
        int disagreeing = 0, backward = 0, difference = 0, both = 0, undecided = 0, kinks = 0;
        int firstExamined = -1, firstBackward = -1;
        for (int i = 0; i < a.length; i++) {
            if (tolerance.allows(a[i], n[i], floor)) {
                continue;
            }
            disagreeing++;
            if (Double.isNaN(e[i])) {
                kinks++;
                continue;
            }
            firstExamined = firstExamined < 0 ? i : firstExamined;
            boolean analyticRight = tolerance.allows(a[i], e[i], floor);
            boolean numericRight = tolerance.allows(n[i], e[i], floor);
            if (analyticRight) {
                undecided += numericRight ? 1 : 0;
                difference += numericRight ? 0 : 1;
            } else {
                backward += numericRight ? 1 : 0;
                both += numericRight ? 0 : 1;
                firstBackward = firstBackward < 0 ? i : firstBackward;
            }
        }
        int example = firstBackward >= 0 ? firstBackward : firstExamined;
        return new OracleVerdict(t.name(), t.shape(), disagreeing, backward, difference, both, undecided, kinks, example,
                example < 0 ? Double.NaN : a[example], example < 0 ? Double.NaN : n[example], example < 0 ? Double.NaN : e[example]);
    }
}
