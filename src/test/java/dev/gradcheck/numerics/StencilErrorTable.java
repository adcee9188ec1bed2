package dev.gradcheck.numerics;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Stencil;
import dev.gradcheck.check.Variable;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test: the table "stencil × h → error of the numerical gradient" for every layer
 * and the book's net. The error is {@code mean |N - E| / mean |E|} over every checked element (W1 of
 * the net: every 97th element), E the exact gradient: forward-mode AD where the unit has a twin
 * (Sigmoid, Tanh, Relu, SoftmaxWithLoss), otherwise the analytic gradient of the correct layer (exact
 * to rounding, about 1e-16 relative, far below every entry). Averaged over seeds 1, 2, 3.
 *
 * <p>Run: {@code mvn -B -q -Pnumerics test-compile exec:java@stencil-table} (about a minute). Prints Markdown.
 */
public final class StencilErrorTable {

    /** Steps of the table's columns. */
    static final double[] STEPS = {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8};

    /** Seeds averaged over. */
    static final long[] SEEDS = {1, 2, 3};

    /** W1 of the net is sampled at every this-many-th element. */
    static final int NET_STRIDE = 97;

    private StencilErrorTable() {
    }

    public static void main(String[] args) {
        List<UnitCase> layers = UnitCase.representative(SEEDS[0]);
        double[][][] worst = new double[Stencil.values().length][STEPS.length][1];
        StringBuilder s = new StringBuilder("| unit | stencil |");
        for (double h : STEPS) {
            s.append(String.format(Locale.ROOT, " h = %.0e |", h));
        }
        s.append(" best |\n|---|---|").append("---:|".repeat(STEPS.length)).append("---|\n");
        for (int u = 0; u < layers.size(); u++) {
            for (Stencil stencil : Stencil.values()) {
                double[] error = new double[STEPS.length];
                for (long seed : SEEDS) {
                    UnitCase c = UnitCase.representative(seed).get(u);
                    for (int k = 0; k < STEPS.length; k++) {
                        error[k] += relativeError(c.unit().get(), stencil, STEPS[k]) / SEEDS.length;
                    }
                }
                int best = 0;
                s.append("| ").append(layers.get(u).layer()).append(" | ").append(stencil.description()).append(" |");
                for (int k = 0; k < STEPS.length; k++) {
                    best = error[k] < error[best] ? k : best;
                    worst[stencil.ordinal()][k][0] = Math.max(worst[stencil.ordinal()][k][0], error[k]);
                    s.append(String.format(Locale.ROOT, " %.0e |", error[k]));
                }
                s.append(String.format(Locale.ROOT, " %.0e at %.0e |%n", error[best], STEPS[best]));
            }
        }
        s.append("| **worst over units** | |").append(" |".repeat(STEPS.length)).append(" |\n");
        for (Stencil stencil : Stencil.values()) {
            s.append("| worst | ").append(stencil.description()).append(" |");
            for (int k = 0; k < STEPS.length; k++) {
                s.append(String.format(Locale.ROOT, " %.0e |", worst[stencil.ordinal()][k][0]));
            }
            s.append(" |\n");
        }
        System.out.print(s);
    }

    /** mean |N - E| / mean |E| over the unit's elements (every {@value #NET_STRIDE}th of a tensor above 10,000). */
    static double relativeError(Checkable unit, Stencil stencil, double h) {
        Map<String, Tensor> exact = unit.exactGradient().orElseGet(unit::analyticGradient);
        double diff = 0, size = 0;
        for (Variable v : unit.variables()) {
            Tensor e = exact.get(v.name());
            int stride = v.value().size() > 10_000 ? NET_STRIDE : 1;
            for (int i = 0; i < v.value().size(); i += stride) {
                if (Double.isNaN(e.get(i))) {
                    continue;
                }
                diff += Math.abs(stencil.derivative(unit::loss, v.value(), i, h) - e.get(i));
                size += Math.abs(e.get(i));
            }
        }
        return diff / size;
    }
}
