package dev.gradcheck.layers;

import java.util.function.DoubleUnaryOperator;

/**
 * One thread's evaluation of an element-wise layer {@code out_i = f(x_i)} ({@link Relu},
 * {@link Sigmoid}): a changed input element changes at most its own output element, computed by
 * the same f as forward, so the change is exact.
 */
final class ElementwiseWorkspace implements LayerWorkspace {

    private final int[] shape;
    private final DoubleUnaryOperator f;
    private final double[] output;

    ElementwiseWorkspace(int[] shape, DoubleUnaryOperator f) {
        this.shape = shape.clone();
        this.f = f;
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        this.output = new double[size];
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    @Override
    public double parameter(int p, int i) {
        throw noParameters();
    }

    @Override
    public void setParameter(int p, int i, double v) {
        throw noParameters();
    }

    private static IndexOutOfBoundsException noParameters() {
        return new IndexOutOfBoundsException("an element-wise layer has no parameters");
    }

    @Override
    public double[] forward(double[] x) {
        for (int i = 0; i < x.length; i++) {
            output[i] = f.applyAsDouble(x[i]);
        }
        return output;
    }

    @Override
    public void inputChanged(Change in, Change out) {
        for (int k = 0; k < in.count(); k++) {
            int i = in.index(k);
            out.addIfChanged(i, f.applyAsDouble(in.value(k)), output[i]);
        }
    }

    @Override
    public void parameterChanged(int p, int i, double v, Change out) {
        throw noParameters();
    }
}
