package dev.gradcheck.numerics;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Variable;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The Taylor remainder test: for a random unit direction d over all of a unit's variables,
 * {@code R(t) = |L(x + t·d) - L(x) - t·⟨∇L, d⟩|} shrinks like t² when the analytic gradient ∇L is
 * right and only like t when it is wrong. It compares no gradient values and has no tolerance on them:
 * the verdict is the slope of log R against log t, which must be at least {@value #MIN_SLOPE}.
 *
 * <p>The steps are a ladder {@code t = 10⁻¹·2⁻ᵏ}, k = 0…{@value #RUNGS}-1, down to 1.2·10⁻¹¹. There a
 * right gradient's remainder (about C·t²) is far below rounding, so the largest remainder of the
 * {@value #NOISE_RUNGS} smallest steps measures the rounding (of the loss, and of x + t·d); a remainder
 * counts as signal above {@value #SIGNAL} times that (and never below {@value #SIGNAL} ulps of the
 * loss scale S, {@link Checkable#lossScale()}). A wrong gradient's remainder |⟨e, d⟩|·t only raises
 * that floor by its value at the smallest steps, far below where it dominates. The slope is fitted
 * (Commons Math's {@link SimpleRegression} on log-log) over the {@value #WINDOW} smallest steps whose
 * remainder is above rounding, where the lowest-order term dominates. Kinks (Relu, max pooling) are not
 * differentiable, and a step that crosses one adds a term of order t: when R jumps from rounding to
 * signal by more than {@value #ABRUPT}× in one halving of t (no polynomial term does more than 2³), the
 * test reads a kink and passes only if every smaller step is rounding. The unit must be differentiable
 * at x itself (no element exactly on a kink).
 *
 * <p>Cost: one backward and {@value #RUNGS} + 2 forward passes. Every variable is restored to its bits.
 */
public final class TaylorTest {

    /** Slope of log R against log t that a right gradient reaches; a wrong one tends to 1. */
    public static final double MIN_SLOPE = 1.9;

    /** Largest step of the ladder. */
    static final double LARGEST_STEP = 1e-1;

    /** Steps in the ladder, each half the one before. */
    static final int RUNGS = 34;

    /** Steps the slope is fitted over. */
    static final int WINDOW = 3;

    /** The smallest steps, whose remainders measure the rounding. */
    static final int NOISE_RUNGS = 4;

    /** A remainder counts as signal above this many times the rounding. */
    static final double SIGNAL = 30;

    /** A jump by more than this factor in one halving of t is a kink, not a polynomial term. */
    static final double ABRUPT = 16;

    private TaylorTest() {
    }

    /** The test along a direction drawn from seed 42. */
    public static TaylorResult run(Checkable unit) {
        return run(unit, 42);
    }

    /** The test along a unit direction d with standard normal entries drawn from {@code seed}, then normalised. */
    public static TaylorResult run(Checkable unit, long seed) {
        List<Variable> variables = unit.variables();
        List<Tensor> originals = variables.stream().map(v -> v.value().copy()).toList();
        try {
            return measure(unit, seed, variables, originals);
        } catch (RuntimeException e) {
            return broken(unit, seed, "threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            restore(variables, originals, 0, null);
        }
    }

    private static TaylorResult measure(Checkable unit, long seed, List<Variable> variables, List<Tensor> originals) {
        Map<String, Tensor> gradient = unit.analyticGradient();
        List<double[]> direction = direction(variables, seed);
        double slope = 0;
        for (int v = 0; v < variables.size(); v++) {
            Tensor g = gradient.get(variables.get(v).name());
            if (g == null || !g.sameShape(variables.get(v).value())) {
                return broken(unit, seed, "backward gave " + (g == null ? "no gradient" : "a gradient of shape " + g.shapeString())
                        + " for " + variables.get(v).name() + " of shape " + variables.get(v).value().shapeString());
            }
            if (!variables.get(v).value().sameBits(originals.get(v))) {
                return broken(unit, seed, "forward/backward modified " + variables.get(v).name());
            }
            double[] d = direction.get(v);
            for (int i = 0; i < d.length; i++) {
                slope += g.get(i) * d[i];
            }
        }
        double f0 = unit.loss();
        double again = unit.loss();
        if (Double.doubleToLongBits(f0) != Double.doubleToLongBits(again)) {
            return broken(unit, seed, "forward is not deterministic: the same input gave " + f0 + " and then " + again);
        }
        if (!Double.isFinite(f0) || !Double.isFinite(slope)) {
            return broken(unit, seed, "the loss is " + f0 + " and ⟨∇L, d⟩ is " + slope);
        }
        double[] steps = new double[RUNGS];
        double[] remainder = new double[RUNGS];
        for (int k = 0; k < RUNGS; k++) {
            steps[k] = LARGEST_STEP / Math.pow(2, k);
            restore(variables, originals, steps[k], direction);
            double f = unit.loss();
            remainder[k] = Math.abs(f - f0 - steps[k] * slope);
            if (!Double.isFinite(remainder[k])) {
                return broken(unit, seed, "the loss at x + " + steps[k] + "·d is " + f);
            }
        }
        double rounding = Math.ulp(Math.abs(unit.lossScale()));
        for (int k = RUNGS - NOISE_RUNGS; k < RUNGS; k++) {
            rounding = Math.max(rounding, remainder[k]);
        }
        return verdict(unit.name(), seed, steps, remainder, SIGNAL * rounding);
    }

    /** Fits the slope on the smallest steps above rounding, recognising a kink's jump. */
    static TaylorResult verdict(String unit, long seed, double[] steps, double[] remainder, double threshold) {
        int to = steps.length - 1;
        while (to >= 0 && remainder[to] <= threshold) {
            to--;
        }
        if (to < 0) {
            return new TaylorResult(unit, seed, steps, remainder, threshold, -1, -1, Double.NaN,
                    TaylorResult.Outcome.LINEAR_ALONG_D, null);
        }
        int from = to;
        while (from > 0 && to - from + 1 < WINDOW && remainder[from - 1] > threshold) {
            from--;
        }
        double slope = slope(steps, remainder, from, to);
        boolean abrupt = to + 1 < steps.length && remainder[to] > ABRUPT * Math.max(remainder[to + 1], Double.MIN_NORMAL);
        TaylorResult.Outcome outcome = abrupt ? TaylorResult.Outcome.KINK_THEN_LINEAR
                : from < to && slope >= MIN_SLOPE ? TaylorResult.Outcome.QUADRATIC : TaylorResult.Outcome.FIRST_ORDER_ERROR;
        return new TaylorResult(unit, seed, steps, remainder, threshold, from, to, slope, outcome, null);
    }

    private static double slope(double[] steps, double[] remainder, int from, int to) {
        SimpleRegression fit = new SimpleRegression();
        for (int k = from; k <= to; k++) {
            fit.addData(Math.log(steps[k]), Math.log(remainder[k]));
        }
        return fit.getSlope();
    }

    /** Standard normal entries from {@code seed}, variable by variable, scaled to unit length overall. */
    private static List<double[]> direction(List<Variable> variables, long seed) {
        RandomGenerator random = new Well19937c(seed);
        List<double[]> direction = new ArrayList<>();
        double norm = 0;
        for (Variable v : variables) {
            double[] d = new double[v.value().size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextGaussian();
                norm += d[i] * d[i];
            }
            direction.add(d);
        }
        double scale = 1 / Math.sqrt(norm);
        for (double[] d : direction) {
            for (int i = 0; i < d.length; i++) {
                d[i] *= scale;
            }
        }
        return direction;
    }

    /** Sets every variable to {@code original + t·d} (to its original bits when d is null). */
    private static void restore(List<Variable> variables, List<Tensor> originals, double t, List<double[]> direction) {
        for (int v = 0; v < variables.size(); v++) {
            double[] target = variables.get(v).value().data();
            double[] original = originals.get(v).data();
            if (direction == null) {
                System.arraycopy(original, 0, target, 0, original.length);
            } else {
                double[] d = direction.get(v);
                for (int i = 0; i < target.length; i++) {
                    target[i] = original[i] + t * d[i];
                }
            }
        }
    }

    private static TaylorResult broken(Checkable unit, long seed, String problem) {
        return new TaylorResult(unit.name(), seed, new double[0], new double[0], Double.NaN, -1, -1, Double.NaN,
                TaylorResult.Outcome.BROKEN, unit.name() + " " + problem);
    }
}
