package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How the losses of a check are evaluated, resolved from the requested {@link CheckMode} and what
 * the unit supports: plain (the unit's own loss, in place, one thread), fast (faithful, every loss
 * in full) or incremental. Directional and sampled modes compute their element-wise gradients with
 * the fastest evaluation the unit has.
 *
 * @param kind    PLAIN, FAST or INCREMENTAL
 * @param fast    the unit as a {@link FastCheckable}, or null for PLAIN
 * @param threads threads the numerical gradient runs on
 */
record Evaluation(CheckMode kind, FastCheckable fast, int threads) {

    /** The evaluation for {@code unit} under {@code options}. */
    static Evaluation of(Checkable unit, CheckOptions options) {
        if (options.mode() == CheckMode.PLAIN || !(unit instanceof FastCheckable fast)) {
            return new Evaluation(CheckMode.PLAIN, null, 1);
        }
        int threads = fast.parallel() ? options.threads() : 1;
        boolean faithful = options.mode() == CheckMode.FAST;
        return new Evaluation(faithful ? CheckMode.FAST : CheckMode.INCREMENTAL, fast, threads);
    }

    /** Numerical gradients of the variables flagged in {@code which}, at {@code indices[v]} (all if null); null for the others. */
    Tensor[] numericalGradients(Checkable unit, List<Variable> variables, int[][] indices, boolean[] which,
                                CheckOptions options) {
        Tensor[] grads = new Tensor[variables.size()];
        boolean any = false;
        int[][] selected = new int[variables.size()][];
        for (int v = 0; v < variables.size(); v++) {
            any |= which[v];
            selected[v] = which[v] ? indices[v] : new int[0];
        }
        if (!any) {
            return grads;
        }
        Supplier<PerturbedLoss> evaluators = switch (kind) {
            case FAST -> fast::faithfulLoss;
            case INCREMENTAL -> fast::incrementalLoss;
            default -> () -> (v, i, value) -> NumericalGradient.valueAt(unit::loss, variables.get(v).value().data(), i, value);
        };
        Tensor[] all = ParallelCentralDifference.compute(variables, selected, evaluators, threads, options.stencil(),
                options.h());
        for (int v = 0; v < variables.size(); v++) {
            grads[v] = which[v] ? all[v] : null;
        }
        return grads;
    }

    /** The evaluator for the second look at failing elements, or null to perturb in place. */
    PerturbedLoss kinkLoss() {
        return switch (kind) {
            case FAST -> fast.faithfulLoss();
            case INCREMENTAL -> fast.incrementalLoss();
            default -> null;
        };
    }

    /** {@code plain}, {@code fast, 2 threads}, {@code sampled, incremental, 2 threads}, ... for a check in {@code mode}. */
    String describe(CheckMode mode) {
        String how = kind == CheckMode.PLAIN ? "plain"
                : kind.name().toLowerCase(Locale.ROOT) + ", " + threads + (threads == 1 ? " thread" : " threads");
        return switch (mode) {
            case DIRECTIONAL -> "directional; a failing tensor then every element, " + how;
            case SAMPLED -> "sampled, " + how;
            default -> how;
        };
    }
}
