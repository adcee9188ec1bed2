package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import java.util.Arrays;

/**
 * The fallback workspace of a layer that is not an {@link IncrementalLayer}: every evaluation runs
 * the layer's own forward in full, and a change is found by comparing the new output with the base
 * output. It perturbs the layer's live parameters (and restores them), and the layer object keeps
 * its own caches, so it serves one thread only.
 */
public final class RecomputingWorkspace implements LayerWorkspace {

    private final Layer layer;
    private final int[] inputShape;
    private double[] x, output, scratch;
    private int[] outputShape;

    private RecomputingWorkspace(Layer layer, int[] inputShape) {
        this.layer = layer;
        this.inputShape = inputShape.clone();
    }

    /** The layer's own workspace if it is an {@link IncrementalLayer}, else this fallback. */
    public static LayerWorkspace of(Layer layer, int[] inputShape) {
        return layer instanceof IncrementalLayer incremental
                ? incremental.workspace(inputShape) : new RecomputingWorkspace(layer, inputShape);
    }

    /** Whether {@code layer} gets this fallback (and so confines a check to one thread). */
    public static boolean needed(Layer layer) {
        return !(layer instanceof IncrementalLayer);
    }

    @Override
    public int[] outputShape() {
        if (outputShape == null) {
            throw new IllegalStateException(layer.name() + ": the output shape is known after the first forward");
        }
        return outputShape.clone();
    }

    @Override
    public double parameter(int p, int i) {
        return live(p)[i];
    }

    @Override
    public void setParameter(int p, int i, double v) {
        live(p)[i] = v;
    }

    private double[] live(int p) {
        return layer.parameters().get(p).value().data();
    }

    @Override
    public double[] forward(double[] input) {
        x = input;
        Tensor out = layer.forward(Tensor.wrap(input, inputShape));
        outputShape = out.shape();
        output = out.data().clone();
        scratch = input.clone();
        return output;
    }

    @Override
    public void inputChanged(Change in, Change out) {
        for (int k = 0; k < in.count(); k++) {
            scratch[in.index(k)] = in.value(k);
        }
        try {
            diff(layer.forward(Tensor.wrap(scratch, inputShape)).data(), out);
        } finally {
            System.arraycopy(x, 0, scratch, 0, x.length);
        }
    }

    @Override
    public void parameterChanged(int p, int i, double v, Change out) {
        double[] w = live(p);
        double saved = w[i];
        w[i] = v;
        try {
            diff(layer.forward(Tensor.wrap(x, inputShape)).data(), out);
        } finally {
            w[i] = saved;
        }
    }

    private void diff(double[] changed, Change out) {
        if (changed.length != output.length) {
            throw new IllegalStateException(layer.name() + ": forward returned " + changed.length
                    + " elements, the base output had " + output.length + " (" + Arrays.toString(outputShape) + ")");
        }
        for (int i = 0; i < changed.length; i++) {
            out.addIfChanged(i, changed[i], output[i]);
        }
    }
}
