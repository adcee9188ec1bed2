package dev.gradcheck.numerics;

import dev.gradcheck.baseline.BaselinePolicy;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.NumericalGradient;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.check.Variable;
import dev.gradcheck.data.Dataset;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.support.Fixtures;
import dev.gradcheck.support.InjectedError;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Benchmark, not a test: the smallest relative error ε injected into one gradient tensor of each
 * layer that each check kind catches in every one of many random cases, and the false alarms of each
 * kind on the same cases without an error. The error is the whole tensor times (1 + ε) or its largest
 * element times (1 + ε) ({@link InjectedError}); forward is untouched.
 *
 * <p>Check kinds: the default verdict; the predicted-bound tolerance; the Taylor remainder test; a
 * baseline gate with {@link BaselinePolicy}'s allowance, the case without the error as its recorded
 * baseline (the mean |A - N| may grow by 10 rounding units {@code ulp(S)/h}); PyTorch's gradcheck defaults, emulated
 * on the same numbers: central difference with h = 1e-6 and {@code allclose(A, N, atol 1e-5, rtol 1e-3)},
 * i.e. {@code |A - N| <= 1e-5 + 1e-3·|N|}, no second look. ε runs over 1, 3e-1, 1e-1, … 1e-12; for each
 * case the boundary is found by bisection (a kind that catches ε catches every larger ε).
 *
 * <p>Run: {@code mvn -B -q -Pnumerics test-compile exec:java@sensitivity} (a few minutes). Prints Markdown.
 */
public final class SensitivityBenchmark {

    /** Random cases per layer (seeds 1 … CASES). */
    static final int CASES = 20;

    /** Random cases of the net, whose checks cost more. */
    static final int NET_CASES = 5;

    /** ε ladder: 1, 3e-1, 1e-1, …, 3e-12, 1e-12. */
    static final double[] EPSILONS = ladder();

    /** The kinds compared, in the table's order. */
    enum Kind { DEFAULT, PREDICTED, TAYLOR, BASELINE, PYTORCH }

    private SensitivityBenchmark() {
    }

    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        List<LongFunction<UnitCase>> layers = new ArrayList<>();
        for (int u = 0; u < UnitCase.representative(1).size() - 1; u++) {
            int index = u;
            names.add(UnitCase.representative(1).get(u).layer());
            layers.add(seed -> UnitCase.representative(seed).get(index));
        }
        StringBuilder s = new StringBuilder("| layer (tensor) | injected error | cases | default verdict | predicted bound "
                + "| Taylor test | baseline gate | PyTorch defaults |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (int u = 0; u < layers.size(); u++) {
            row(s, names.get(u), layers.get(u), CASES);
        }
        row(s, "TwoLayerNet(784, 10, 10)", SensitivityBenchmark::smallNet, NET_CASES);
        System.out.print(s);
    }

    private static void row(StringBuilder s, String name, LongFunction<UnitCase> cases, int count) {
        String tensor = injectedTensor(cases.apply(1).unit().get());
        for (InjectedError.Kind injection : List.of(InjectedError.Kind.WHOLE_TENSOR, InjectedError.Kind.ONE_ELEMENT)) {
            s.append(String.format(Locale.ROOT, "| %s (%s) | %s | %d |", name, tensor,
                    injection == InjectedError.Kind.WHOLE_TENSOR ? "d" + tensor + "·(1 + ε)" : "largest element ·(1 + ε)", count));
            for (Kind kind : Kind.values()) {
                int falseAlarms = 0;
                int worst = 0;
                for (long seed = 1; seed <= count; seed++) {
                    UnitCase c = cases.apply(seed);
                    Predicate<Double> caught = caught(kind, c, tensor, injection, seed);
                    falseAlarms += caught.test(0.0) ? 1 : 0;
                    worst = Math.max(worst, boundary(caught));
                }
                String smallest = worst == EPSILONS.length ? "not caught at ε ≤ 1"
                        : String.format(Locale.ROOT, worst == EPSILONS.length - 1 ? "≤ %.0e" : "%.0e", EPSILONS[worst]);
                s.append(String.format(Locale.ROOT, " %s%s |", smallest,
                        falseAlarms == 0 ? "" : " (" + falseAlarms + " false alarms)"));
            }
            s.append('\n');
        }
    }

    /** Index of the smallest ε caught, bisecting the ladder; EPSILONS.length if even ε = 1 is missed. */
    static int boundary(Predicate<Double> caught) {
        if (!caught.test(EPSILONS[0])) {
            return EPSILONS.length;
        }
        int lo = 0, hi = EPSILONS.length;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (caught.test(EPSILONS[mid])) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Predicate<Double> caught(Kind kind, UnitCase c, String tensor, InjectedError.Kind injection, long seed) {
        return switch (kind) {
            case DEFAULT -> e -> !GradientCheck.check(inject(c, tensor, injection, e)).passed();
            case PREDICTED -> e -> !GradientCheck.check(inject(c, tensor, injection, e),
                    CheckOptions.defaults().withTolerance(Tolerance.PREDICTED)).passed();
            case TAYLOR -> e -> !TaylorTest.run(inject(c, tensor, injection, e), seed).passed();
            case BASELINE -> {
                CheckReport recorded = GradientCheck.check(c.unit().get());
                double allowed = meanAbsDiff(recorded, tensor) + BaselinePolicy.GROWTH_ALLOWANCE * recorded.roundingUnit();
                yield e -> meanAbsDiff(GradientCheck.check(inject(c, tensor, injection, e)), tensor) > allowed;
            }
            case PYTORCH -> e -> !pyTorchDefaultsPass(inject(c, tensor, injection, e));
        };
    }

    private static Checkable inject(UnitCase c, String tensor, InjectedError.Kind injection, double epsilon) {
        return new InjectedError(c.unit().get(), tensor, injection, epsilon);
    }

    private static double meanAbsDiff(CheckReport report, String tensor) {
        return report.tensor(tensor).orElseThrow().meanAbsDiff();
    }

    /** PyTorch's gradcheck defaults on the same unit: eps 1e-6, every element within atol 1e-5 + rtol 1e-3·|N|. */
    static boolean pyTorchDefaultsPass(Checkable unit) {
        Map<String, Tensor> analytic = unit.analyticGradient();
        for (Variable v : unit.variables()) {
            Tensor numeric = NumericalGradient.centralDifference(unit::loss, v.value(), 1e-6);
            Tensor a = analytic.get(v.name());
            for (int i = 0; i < a.size(); i++) {
                if (!(Math.abs(a.get(i) - numeric.get(i)) <= 1e-5 + 1e-3 * Math.abs(numeric.get(i)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first parameter (W, W1, gamma) of a unit that has one, else its input x. */
    private static String injectedTensor(Checkable unit) {
        return unit.variables().stream().filter(v -> v.kind() == Variable.Kind.PARAMETER).map(Variable::name)
                .findFirst().orElse("x");
    }

    /** TwoLayerNet(784, 10, 10) on the first 3 test images of the fixture slice: the book's net, narrower, for speed. */
    private static UnitCase smallNet(long seed) {
        return new UnitCase("TwoLayerNet", "(784, 10, 10), seed " + seed, () -> {
            Dataset images = Fixtures.firstTestImages(3);
            return new TwoLayerNet(784, 10, 10, seed).checkable(images.images(), images.labelIndices());
        });
    }

    private static double[] ladder() {
        double[] e = new double[25];
        for (int k = 0; k < e.length; k++) {
            e[k] = (k % 2 == 0 ? 1 : 3) * Math.pow(10, -((k + 1) / 2));
        }
        return e;
    }
}
