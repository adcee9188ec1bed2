package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * A finite-difference formula for the first derivative of a scalar along one element, built from
 * central differences {@code D(s) = (f(w + s) - f(w - s)) / ((w + s) - (w - s))} (the distance
 * actually evaluated, as in {@link NumericalGradient}).
 *
 * <p>The error of a stencil of order p at step h is truncation, about {@code C·h^p}, plus rounding,
 * about {@code gain·δ/h} for a loss evaluated to within δ. Higher orders trade a larger rounding gain
 * for a truncation error that falls much faster with h; the README's table measures both on every layer.
 *
 * <table>
 *   <caption>The stencils</caption>
 *   <tr><th>stencil</th><th>formula</th><th>order</th><th>loss evaluations</th><th>rounding gain</th></tr>
 *   <tr><td>{@link #CENTRAL_2}</td><td>{@code D(h)}</td><td>2</td><td>2</td><td>1</td></tr>
 *   <tr><td>{@link #CENTRAL_4}</td><td>{@code (4·D(h) - D(2h)) / 3}</td><td>4</td><td>4</td><td>1.5</td></tr>
 *   <tr><td>{@link #CENTRAL_6}</td><td>{@code (15·D(h) - 6·D(2h) + D(3h)) / 10}</td><td>6</td><td>6</td><td>1.83</td></tr>
 *   <tr><td>{@link #RICHARDSON}</td><td>{@code (64·D(h/4) - 20·D(h/2) + D(h)) / 45}</td><td>6</td><td>6</td><td>6.6</td></tr>
 * </table>
 * The 4- and 6-point stencils are the classical {@code (-f₂ + 8f₁ - 8f₋₁ + f₋₂) / 12h} and
 * {@code (f₃ - 9f₂ + 45f₁ - 45f₋₁ + 9f₋₂ - f₋₃) / 60h} written over D. Richardson extrapolation
 * refines downwards from h (two levels of the h² → h⁴ → h⁶ tableau), so it fits large steps.
 * Commons Math's {@code FiniteDifferencesDifferentiator} computes the same polynomial derivatives, but
 * on the nominal grid, with a wasted evaluation at the centre and through divided differences, so
 * its 3-point result does not have the bits of the book's central difference; it serves as a
 * cross-check in the tests.
 */
public enum Stencil {

    /** The book's central difference, {@code D(h)}: the default, bit-identical to {@link NumericalGradient}. */
    CENTRAL_2("central difference", 2, 1.0) {
        @Override
        public double derivative(DoubleUnaryOperator lossAt, double w, double h) {
            return d(lossAt, w, h);
        }
    },

    /** Fourth-order central difference over w ± h, w ± 2h. */
    CENTRAL_4("4-point central difference", 4, 1.5) {
        @Override
        public double derivative(DoubleUnaryOperator lossAt, double w, double h) {
            return (4 * d(lossAt, w, h) - d(lossAt, w, 2 * h)) / 3;
        }
    },

    /** Sixth-order central difference over w ± h, w ± 2h, w ± 3h. */
    CENTRAL_6("6-point central difference", 6, 11.0 / 6) {
        @Override
        public double derivative(DoubleUnaryOperator lossAt, double w, double h) {
            return (15 * d(lossAt, w, h) - 6 * d(lossAt, w, 2 * h) + d(lossAt, w, 3 * h)) / 10;
        }
    },

    /** Richardson extrapolation of D over h, h/2, h/4: sixth order, from steps no larger than h. */
    RICHARDSON("Richardson extrapolation", 6, 297.0 / 45) {
        @Override
        public double derivative(DoubleUnaryOperator lossAt, double w, double h) {
            double d1 = d(lossAt, w, h);
            double d2 = d(lossAt, w, h / 2);
            double d4 = d(lossAt, w, h / 4);
            double r2 = (4 * d2 - d1) / 3;
            double r4 = (4 * d4 - d2) / 3;
            return (16 * r4 - r2) / 15;
        }
    };

    /** Words for reports. */
    private final String description;

    /** The power of h in the truncation error. */
    private final int order;

    /** Rounding of the estimate relative to that of {@code D(h)}: {@code Σ |c_j|·h/s_j}. */
    private final double roundingGain;

    Stencil(String description, int order, double roundingGain) {
        this.description = description;
        this.order = order;
        this.roundingGain = roundingGain;
    }

    /**
     * The estimate of the derivative at {@code w} with step h, from {@code lossAt(v)}: the scalar with
     * the element set to v. The book's central difference evaluates w + h, then w - h.
     */
    public abstract double derivative(DoubleUnaryOperator lossAt, double w, double h);

    /** The numerical gradient of {@code f} with respect to every element of {@code w}; {@code w} is restored. */
    public Tensor gradient(DoubleSupplier f, Tensor w, double h) {
        if (this == CENTRAL_2) {
            return NumericalGradient.centralDifference(f, w, h);
        }
        Tensor grad = Tensor.zerosLike(w);
        double[] g = grad.data();
        for (int i = 0; i < g.length; i++) {
            g[i] = derivative(f, w, i, h);
        }
        return grad;
    }

    /** The estimate for one element of {@code w}, perturbed in place; the element is restored. */
    public double derivative(DoubleSupplier f, Tensor w, int i, double h) {
        double[] values = w.data();
        return derivative(v -> NumericalGradient.valueAt(f, values, i, v), values[i], h);
    }

    /** Words for reports, such as {@code central difference}. */
    public String description() {
        return description;
    }

    /** The power of h in the truncation error: 2, 4 or 6. */
    public int order() {
        return order;
    }

    /** Loss evaluations per element. */
    public int evaluations() {
        return this == CENTRAL_2 ? 2 : this == CENTRAL_4 ? 4 : 6;
    }

    /** How much more rounding the estimate carries than {@code D(h)}: 1 for the book's difference. */
    public double roundingGain() {
        return roundingGain;
    }

    /** {@code (f(w + s) - f(w - s)) / ((w + s) - (w - s))}, evaluating w + s first. */
    private static double d(DoubleUnaryOperator lossAt, double w, double s) {
        double plus = w + s;
        double minus = w - s;
        double fPlus = lossAt.applyAsDouble(plus);
        return (fPlus - lossAt.applyAsDouble(minus)) / (plus - minus);
    }
}
