package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.function.DoubleSupplier;

/**
 * Central-difference gradient of a scalar function with respect to one tensor, perturbed in place.
 *
 * <p>For each element w_i: {@code (f(w_i + h) - f(w_i - h)) / (2h)}, where 2h is the distance
 * between the two points actually evaluated (w_i ± h rounded to doubles). Each element is restored
 * to its original bits afterwards, even if f throws. Book §4.3 and {@code common/gradient.py}.
 */
public final class NumericalGradient {

    private NumericalGradient() {
    }

    /** The gradient of {@code f} with respect to {@code w}; {@code w} is perturbed and restored. */
    public static Tensor centralDifference(DoubleSupplier f, Tensor w, double h) {
        Tensor grad = Tensor.zerosLike(w);
        double[] values = w.data();
        double[] g = grad.data();
        for (int i = 0; i < values.length; i++) {
            g[i] = centralDifference(f, values, i, h);
        }
        return grad;
    }

    /** The central difference for element {@code i} of {@code values}; the element is restored. */
    static double centralDifference(DoubleSupplier f, double[] values, int i, double h) {
        double saved = values[i];
        double plus = saved + h;
        double minus = saved - h;
        try {
            values[i] = plus;
            double fPlus = f.getAsDouble();
            values[i] = minus;
            double fMinus = f.getAsDouble();
            return (fPlus - fMinus) / (plus - minus);
        } finally {
            values[i] = saved;
        }
    }

    /** {@code f} with element {@code i} set to {@code value}; the element is restored. */
    static double valueAt(DoubleSupplier f, double[] values, int i, double value) {
        double saved = values[i];
        try {
            values[i] = value;
            return f.getAsDouble();
        } finally {
            values[i] = saved;
        }
    }
}
