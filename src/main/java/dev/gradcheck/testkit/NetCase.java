package dev.gradcheck.testkit;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link TwoLayerNet} whose W1, b1, W2, b2 hold generated values, at a generated batch x
 * (batch, input) with one class index per row.
 *
 * @param net     the net
 * @param x       the batch
 * @param classes the label of each row, in [0, output)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record NetCase(TwoLayerNet net, Tensor x, int[] classes) {

    public NetCase {
        classes = classes.clone();
    }

    /** A copy of the class indices. */
    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** The labels as class indices. */
    public Labels labels() {
        return Labels.indices(classes);
    }

    /** This case for {@link dev.gradcheck.check.GradientCheck}: W1, b1, W2 and b2 are checked. */
    public Checkable checkable() {
        return net.checkable(x, labels());
    }

    /**
     * The smallest |x·W1 + b1| over the batch and the hidden units: how close this case sits to a
     * kink of the hidden Relu. A perturbation of W1 or b1 by h moves a pre-activation by at most
     * max(|x|, 1)·h, so a distance well above that keeps every central difference on one side.
     */
    public double kinkDistance() {
        Tensor preActivation = TensorOps.addRowVector(TensorOps.dot(x, net.params().get("W1").value()),
                net.params().get("b1").value());
        double min = Double.POSITIVE_INFINITY;
        for (double v : preActivation.data()) {
            min = Math.min(min, Math.abs(v));
        }
        return min;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetCase c && net == c.net && x == c.x && Arrays.equals(classes, c.classes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(net), System.identityHashCode(x), Arrays.hashCode(classes));
    }

    /** {@code TwoLayerNet(1, 1, 2): x (1, 1) [[0.5]], labels [1], W1 (1, 1) [[1.0]], b1 (1) [0.0], ...}. */
    @Override
    public String toString() {
        Tensor W1 = net.params().get("W1").value(), W2 = net.params().get("W2").value();
        StringBuilder s = new StringBuilder(String.format("TwoLayerNet(%d, %d, %d): ", W1.dim(0), W1.dim(1), W2.dim(1)))
                .append(CaseFormat.named("x", x)).append(", ").append(CaseFormat.labels(classes));
        for (Parameter p : net.params().values()) {
            s.append(", ").append(CaseFormat.named(p.name(), p.value()));
        }
        return s.toString();
    }
}
