package dev.gradcheck.support;

import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Change;
import dev.gradcheck.layers.IncrementalLayer;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LayerWorkspace;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.List;

/** Broken layers for the fast modes' tests (a layer without a workspace is the project's {@code Tanh}). */
public final class TestLayers {

    private TestLayers() {
    }

    /** An Affine whose workspace adds 1e-9 to every output element a change of W touches: a wrong incremental path. */
    public static IncrementalLayer driftingAffine(Parameter W, Parameter b) {
        Affine affine = new Affine(W, b);
        return new Delegate(affine) {
            @Override
            public LayerWorkspace workspace(int[] inputShape) {
                LayerWorkspace inner = affine.workspace(inputShape);
                return new LayerWorkspace() {
                    @Override
                    public int[] outputShape() {
                        return inner.outputShape();
                    }

                    @Override
                    public double parameter(int p, int i) {
                        return inner.parameter(p, i);
                    }

                    @Override
                    public void setParameter(int p, int i, double v) {
                        inner.setParameter(p, i, v);
                    }

                    @Override
                    public double[] forward(double[] x) {
                        return inner.forward(x);
                    }

                    @Override
                    public void inputChanged(Change in, Change out) {
                        inner.inputChanged(in, out);
                    }

                    @Override
                    public void parameterChanged(int p, int i, double v, Change out) {
                        Change exact = new Change(4);
                        inner.parameterChanged(p, i, v, exact);
                        for (int k = 0; k < exact.count(); k++) {
                            out.add(exact.index(k), exact.value(k) + (p == 0 ? 1e-9 : 0));
                        }
                    }
                };
            }
        };
    }

    /** An Affine whose backward sets dW times {@code factor}: a wrong gradient for W only. */
    public static IncrementalLayer wrongWeightGradient(Parameter W, Parameter b, double factor) {
        Affine affine = new Affine(W, b);
        return new Delegate(affine) {
            @Override
            public Tensor backward(Tensor dout) {
                Tensor dx = affine.backward(dout);
                W.setGrad(TensorOps.scale(W.grad(), factor));
                return dx;
            }
        };
    }

    /** An {@link IncrementalLayer} passing everything to an Affine. */
    private static class Delegate implements IncrementalLayer {
        private final Affine affine;

        Delegate(Affine affine) {
            this.affine = affine;
        }

        @Override
        public Tensor forward(Tensor x) {
            return affine.forward(x);
        }

        @Override
        public Tensor backward(Tensor dout) {
            return affine.backward(dout);
        }

        @Override
        public List<Parameter> parameters() {
            return affine.parameters();
        }

        @Override
        public LayerWorkspace workspace(int[] inputShape) {
            return affine.workspace(inputShape);
        }

        @Override
        public String name() {
            return "Affine";
        }
    }
}
