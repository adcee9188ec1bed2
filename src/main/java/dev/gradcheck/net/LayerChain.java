package dev.gradcheck.net;

import dev.gradcheck.layers.Change;
import dev.gradcheck.layers.IncrementalLossLayer;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LayerWorkspace;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.layers.LossWorkspace;
import dev.gradcheck.layers.RecomputingLossWorkspace;
import dev.gradcheck.layers.RecomputingWorkspace;
import dev.gradcheck.tensor.Tensor;
import java.util.List;

/**
 * One thread's evaluation of a net's loss, layers applied in order and then a loss layer, at a
 * fixed batch, with one parameter element set to a new value. Two ways:
 * <ul>
 *   <li>{@link #fullLossWith}: every layer's forward in reusable buffers, from the input on, with
 *       the element set in this chain's own copy of the parameter; the bits of the net's own loss.</li>
 *   <li>{@link #incrementalLossWith}: the perturbed layer describes how its output changes, each
 *       later layer passes the change on ({@link LayerWorkspace#inputChanged}), and the loss layer
 *       recomputes the rows it touches. A change that dies out (a Relu that stays off) ends the
 *       evaluation with the base loss. Layers without the capability are recomputed in full.</li>
 * </ul>
 * A chain in incremental use must not be used for full evaluations: they move its base point.
 */
public final class LayerChain {

    private final LayerWorkspace[] workspaces;
    private final LossWorkspace loss;
    private final double[] x;

    /** One change buffer per layer output. */
    private final Change[] changes;

    /** The loss at the base point. */
    private final double base;

    /** A chain over {@code layers} and {@code last} at batch x and labels t; runs one forward to set the base point. */
    public LayerChain(List<Layer> layers, LossLayer last, Tensor x, Labels t) {
        this.x = x.data().clone();
        this.workspaces = new LayerWorkspace[layers.size()];
        this.changes = new Change[layers.size()];
        int[] shape = x.shape();
        double[] a = this.x;
        for (int l = 0; l < layers.size(); l++) {
            workspaces[l] = RecomputingWorkspace.of(layers.get(l), shape);
            a = workspaces[l].forward(a);
            shape = workspaces[l].outputShape();
            changes[l] = new Change(64);
        }
        this.loss = RecomputingLossWorkspace.of(last, shape, t);
        this.base = loss.forward(a);
    }

    /** Whether every layer and the loss layer describe their own changes, so chains may run on several threads. */
    public static boolean incremental(List<Layer> layers, LossLayer last) {
        return layers.stream().noneMatch(RecomputingWorkspace::needed) && last instanceof IncrementalLossLayer;
    }

    /** The loss at the base point (the parameters' values when the chain was made). */
    public double baseLoss() {
        return base;
    }

    /** The loss, recomputed in full, with element i of parameter p of layer l set to v. */
    public double fullLossWith(int l, int p, int i, double v) {
        LayerWorkspace perturbed = workspaces[l];
        double saved = perturbed.parameter(p, i);
        perturbed.setParameter(p, i, v);
        try {
            double[] a = x;
            for (LayerWorkspace workspace : workspaces) {
                a = workspace.forward(a);
            }
            return loss.forward(a);
        } finally {
            perturbed.setParameter(p, i, saved);
        }
    }

    /** The loss with element i of parameter p of layer l set to v, recomputing only what that touches. */
    public double incrementalLossWith(int l, int p, int i, double v) {
        Change change = changes[l];
        change.clear();
        workspaces[l].parameterChanged(p, i, v, change);
        for (int next = l + 1; next < workspaces.length && change.count() > 0; next++) {
            changes[next].clear();
            workspaces[next].inputChanged(change, changes[next]);
            change = changes[next];
        }
        return change.count() == 0 ? base : loss.lossWith(change);
    }
}
