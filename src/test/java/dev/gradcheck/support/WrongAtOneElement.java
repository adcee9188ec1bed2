package dev.gradcheck.support;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.tensor.Tensor;

/** Sigmoid whose backward is off by {@code error} at one element of dx: a bug a report must point at. */
public final class WrongAtOneElement implements Layer {

    private final Sigmoid sigmoid = new Sigmoid();
    private final int index;
    private final double error;

    /** Adds {@code error} to dx at row-major flat index {@code index}. */
    public WrongAtOneElement(int index, double error) {
        this.index = index;
        this.error = error;
    }

    @Override
    public Tensor forward(Tensor x) {
        return sigmoid.forward(x);
    }

    @Override
    public Tensor backward(Tensor dout) {
        Tensor dx = sigmoid.backward(dout).copy();
        dx.set(index, dx.get(index) + error);
        return dx;
    }

    @Override
    public String name() {
        return "WrongAtOneElement";
    }
}
