package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract checks that run the unit again after its first analytic gradient A, each with its own
 * message. They need no tolerance: a correct unit gives the same bits every time.
 *
 * <ul>
 *   <li><em>new gradients</em>: no gradient is the array of a variable or of another gradient (an
 *       alias: updating one changes the other);</li>
 *   <li><em>repeatable backward</em>: forward and backward again at the same point give A's bits (a
 *       backward that accumulates into its gradients gives 2A), and A itself is unchanged (a backward
 *       that returns a buffer it reuses overwrites it);</li>
 *   <li><em>no stale cache</em>: after forward and backward at another point (every variable's elements
 *       shifted by one place), A is unchanged, and forward and backward at the checked point give A's
 *       bits again: backward must use what the last forward saw, not what an earlier one left behind;</li>
 *   <li><em>kept gradients</em>: after the numerical gradient, A still has the bits backward returned.</li>
 * </ul>
 * A layer that fills its cache on its first forward only, and never again, looks right at the
 * first point it sees and at every later one alike; no check at one point can tell (see the README).
 */
final class ContractChecks {

    private ContractChecks() {
    }

    /**
     * Runs the checks that follow the first analytic gradient {@code analytic}; returns copies of its
     * tensors (the bits backward returned), or null after recording a problem. Every variable is left
     * with its {@code originals}' bits. Without {@code reruns} (the directional mode, whose point is a
     * check in about a millisecond) only the checks that need no further forward and backward run.
     */
    static Map<String, Tensor> afterAnalytic(Checkable unit, List<Variable> variables, Map<String, Tensor> originals,
                                             Map<String, Tensor> analytic, List<Problem> problems, boolean reruns) {
        Map<String, Tensor> kept = copies(analytic);
        try {
            requireNewGradients(unit.name(), variables, analytic);
            if (!reruns) {
                return kept;
            }
            requireSame(unit.name(), kept, rerun(unit, "a second forward and backward at the same point"),
                    "backward is not repeatable: a second forward and backward at the same point gave",
                    "gradients must be set, not accumulated");
            requireUnchanged(unit.name(), kept, analytic, "when forward and backward ran again");
            shift(variables, originals);
            rerun(unit, "forward and backward at another point (each variable's elements shifted by one place)");
            restore(variables, originals);
            requireUnchanged(unit.name(), kept, analytic, "when forward and backward ran at another point");
            requireSame(unit.name(), kept, rerun(unit, "forward and backward after forward and backward at another point"),
                    "stale cache: after forward and backward at another point, forward and backward at the checked point gave",
                    "backward must use what the last forward saw");
            return kept;
        } catch (ContractViolation e) {
            problems.add(new Problem(e.category(), e.getMessage()));
        } catch (LayerFailure e) {
            problems.add(GradientCheck.layerError(unit, e.step(), e.original()));
        } finally {
            restore(variables, originals);
        }
        return null;
    }

    /** Fails unless every tensor of {@code returned} still has the bits of {@code kept}. */
    static void requireUnchanged(String unit, Map<String, Tensor> kept, Map<String, Tensor> returned, String when) {
        kept.forEach((name, k) -> {
            Tensor now = returned.get(name);
            int i = firstDifference(k, now);
            if (i >= 0) {
                throw new ContractViolation(unit + ": the gradient backward returned for " + name + " changed at "
                        + k.indexString(i) + " from " + k.get(i) + " to " + now.get(i) + " " + when
                        + ": backward returned a tensor the layer keeps and reuses; return a new tensor");
            }
        });
    }

    /** No gradient shares its array with a variable or with another gradient. */
    private static void requireNewGradients(String unit, List<Variable> variables, Map<String, Tensor> analytic) {
        for (Map.Entry<String, Tensor> g : analytic.entrySet()) {
            for (Variable v : variables) {
                if (g.getValue().data() == v.value().data()) {
                    throw new ContractViolation(unit + ": the gradient for " + g.getKey() + " is the array of " + v.name()
                            + " itself (an alias); backward must return new tensors");
                }
            }
            for (Map.Entry<String, Tensor> other : analytic.entrySet()) {
                if (!other.getKey().equals(g.getKey()) && other.getValue().data() == g.getValue().data()) {
                    throw new ContractViolation(unit + ": backward returned the same array as the gradient for " + g.getKey()
                            + " and for " + other.getKey() + " (an alias: updating one changes the other); return new tensors");
                }
            }
        }
    }

    /** Moves every variable's elements cyclically by one place: another point, with the same values. */
    private static void shift(List<Variable> variables, Map<String, Tensor> originals) {
        for (Variable v : variables) {
            double[] from = originals.get(v.name()).data();
            double[] to = v.value().data();
            for (int i = 0; i < to.length; i++) {
                to[i] = from[(i + 1) % from.length];
            }
        }
    }

    private static Map<String, Tensor> rerun(Checkable unit, String step) {
        try {
            return unit.analyticGradient();
        } catch (ContractViolation e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LayerFailure(step, e);
        }
    }

    private static void requireSame(String unit, Map<String, Tensor> kept, Map<String, Tensor> again, String what, String rule) {
        kept.forEach((name, k) -> {
            Tensor g = again.get(name);
            if (g == null || !g.sameShape(k)) {
                throw new ContractViolation(unit + ": " + what + " a gradient for " + name + " of shape "
                        + (g == null ? "none" : g.shapeString()) + " after " + k.shapeString() + " (" + rule + ")");
            }
            int i = firstDifference(k, g);
            if (i >= 0) {
                throw new ContractViolation(unit + ": " + what + " " + name + " " + k.indexString(i) + " = " + g.get(i)
                        + " after " + k.get(i) + " (" + rule + ")");
            }
        });
    }

    private static int firstDifference(Tensor a, Tensor b) {
        for (int i = 0; i < a.size(); i++) {
            if (Double.doubleToRawLongBits(a.get(i)) != Double.doubleToRawLongBits(b.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Gives every variable its original bits again (after a layer modified one, or the shifted point). */
    static void restore(List<Variable> variables, Map<String, Tensor> originals) {
        for (Variable v : variables) {
            double[] from = originals.get(v.name()).data();
            System.arraycopy(from, 0, v.value().data(), 0, from.length);
        }
    }

    private static Map<String, Tensor> copies(Map<String, Tensor> tensors) {
        Map<String, Tensor> copies = new LinkedHashMap<>();
        tensors.forEach((name, t) -> copies.put(name, t.copy()));
        return copies;
    }
}
