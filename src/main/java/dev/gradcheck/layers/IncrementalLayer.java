package dev.gradcheck.layers;

/**
 * A {@link Layer} that opts in to fast gradient checks: it evaluates itself in reusable buffers and
 * says how its output changes when a few elements of its input, or one element of a parameter,
 * change. A gradient check perturbs one element at a time, so a net of such layers recomputes only
 * what each perturbation touches (see {@link LayerWorkspace}). Layers that do not implement it are
 * recomputed in full from the perturbed layer onward.
 */
public interface IncrementalLayer extends Layer {

    /**
     * A workspace for one thread, for inputs of shape {@code inputShape}, holding its own copies of
     * the parameters' current values.
     */
    LayerWorkspace workspace(int[] inputShape);
}
