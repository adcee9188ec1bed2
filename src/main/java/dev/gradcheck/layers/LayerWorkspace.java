package dev.gradcheck.layers;

/**
 * One thread's evaluation of a layer: reusable buffers, its own copies of the parameters, and the
 * base point (input and output of the last {@link #forward}) from which changes are described.
 *
 * <p>The contract that makes checks through a workspace trustworthy: {@link #forward} gives the
 * bits {@link Layer#forward} gives for the same input and parameter values, and the change methods
 * use forward arithmetic only (never backward), describing each output element that changes with
 * its new value up to rounding. An element whose new value has the bits of its base value is left
 * out, so an unchanged output is an empty {@link Change}.
 */
public interface LayerWorkspace {

    /** Shape of the output for the workspace's input shape. */
    int[] outputShape();

    /** Element i (flat, row-major) of this workspace's copy of parameter {@code p} (in {@link Layer#parameters()} order). */
    double parameter(int p, int i);

    /**
     * Sets element i of this workspace's copy of parameter {@code p}, which {@link #forward} reads.
     * A faithful check sets an element, runs forward and sets it back.
     */
    void setParameter(int p, int i, double v);

    /**
     * The output for input {@code x} (row-major, of the workspace's input shape) at the parameter
     * copies' values, written into a buffer the workspace owns and returned. Allocates nothing.
     * {@code x} and the output become the base point; {@code x} must not change while it is.
     */
    double[] forward(double[] x);

    /** Writes into {@code out} how the base output changes when the base input changes by {@code in}. */
    void inputChanged(Change in, Change out);

    /** Writes into {@code out} how the base output changes when element {@code i} of parameter {@code p} becomes {@code v}. */
    void parameterChanged(int p, int i, double v, Change out);
}
