package dev.gradcheck.check;

import dev.gradcheck.layers.Change;
import dev.gradcheck.layers.IncrementalLayer;
import dev.gradcheck.layers.LayerWorkspace;
import dev.gradcheck.tensor.Tensor;

/**
 * One thread's evaluation of {@code Σ forward(x) ∘ R} with one element of x (variable 0) or of a
 * parameter (variable p + 1) set to a new value, through the layer's {@link LayerWorkspace} and
 * its own copy of x. The projection is summed in index order from 0, as {@code TensorOps.dotAll}
 * sums it, so {@link #full} has the bits of the plain loss; {@link #incremental} sums the base
 * output with the changed elements put in.
 */
final class ProjectedEvaluator {

    private final LayerWorkspace workspace;
    private final double[] x, r;
    private final Change in = new Change(1), out = new Change(16);
    private final double[] baseOut;
    private final double base;

    ProjectedEvaluator(IncrementalLayer layer, Tensor x, Tensor projection) {
        this.workspace = layer.workspace(x.shape());
        this.x = x.data().clone();
        this.r = projection.data();
        this.baseOut = workspace.forward(this.x);
        this.base = project(baseOut);
    }

    /** The projection recomputed in full with the element set. */
    double full(int variable, int i, double value) {
        if (variable == 0) {
            double saved = x[i];
            x[i] = value;
            try {
                return project(workspace.forward(x));
            } finally {
                x[i] = saved;
            }
        }
        double saved = workspace.parameter(variable - 1, i);
        workspace.setParameter(variable - 1, i, value);
        try {
            return project(workspace.forward(x));
        } finally {
            workspace.setParameter(variable - 1, i, saved);
        }
    }

    /** The projection of the base output changed as the workspace describes it. */
    double incremental(int variable, int i, double value) {
        out.clear();
        if (variable == 0) {
            in.clear();
            in.add(i, value);
            workspace.inputChanged(in, out);
        } else {
            workspace.parameterChanged(variable - 1, i, value, out);
        }
        if (out.count() == 0) {
            return base;
        }
        double sum = 0;
        for (int j = 0, k = 0; j < baseOut.length; j++) {
            double o = k < out.count() && out.index(k) == j ? out.value(k++) : baseOut[j];
            sum += o * r[j];
        }
        return sum;
    }

    private double project(double[] o) {
        double sum = 0;
        for (int j = 0; j < o.length; j++) {
            sum += o[j] * r[j];
        }
        return sum;
    }
}
