package dev.gradcheck.testkit;

import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apiguardian.api.API;

/**
 * A user's layer on {@code double[][]} or {@link RealMatrix}, seen as a {@link Layer} on tensors:
 * what {@link Layers} returns. Declare each trainable parameter with where the layer keeps it and
 * its gradient, as lambdas or method references that return the live object:
 * <pre>{@code
 * Layer layer = Layers.fromMatrices("Dense", dense::forward, dense::backward)
 *         .parameter("W", () -> dense.W, () -> dense.dW)      // RealMatrix
 *         .parameter("b", () -> dense.b, () -> dense.db);     // RealVector
 * }</pre>
 *
 * <p>Each parameter is read when declared into the tensor the checker perturbs, and written back
 * into the layer's own object (in place) before every forward, so the layer computes with the
 * perturbed value. After every forward and backward the adapter checks that the layer left its
 * arguments and parameters unmodified; after backward it reads each gradient. A breach fails the
 * check as a contract breach that names the method, the tensor and the element.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AdaptedLayer implements Layer {

    /** Where a layer keeps a {@code double[]} parameter or gradient. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @FunctionalInterface
    public interface ArrayRef {
        /** The live array; never null once forward or backward has set it. */
        double[] get();
    }

    /** Where a layer keeps a {@code double[][]} parameter or gradient. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @FunctionalInterface
    public interface Array2DRef {
        /** The live rows; never null once forward or backward has set them. */
        double[][] get();
    }

    /** Where a layer keeps a {@link RealVector} parameter or gradient. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @FunctionalInterface
    public interface RealVectorRef {
        /** The live vector; never null once forward or backward has set it. */
        RealVector get();
    }

    /** Where a layer keeps a {@link RealMatrix} parameter or gradient. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @FunctionalInterface
    public interface RealMatrixRef {
        /** The live matrix; never null once forward or backward has set it. */
        RealMatrix get();
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Name in reports and of the baseline file. */
    private final String name;

    private final UserMethod forward;
    private final UserMethod backward;

    /** Declared parameters in order, each with where its value and gradient live. */
    private final List<Bound> bound;

    /** A parameter as the checker sees it, bound to the layer's own storage. */
    private record Bound(Parameter parameter, Storage value, Storage grad) {
    }

    AdaptedLayer(String name, UserMethod forward, UserMethod backward) {
        this(name, forward, backward, List.of());
    }

    private AdaptedLayer(String name, UserMethod forward, UserMethod backward, List<Bound> bound) {
        this.name = Objects.requireNonNull(name, "name");
        this.forward = forward;
        this.backward = backward;
        this.bound = List.copyOf(bound);
    }

    /** This layer with a {@code double[]} parameter, such as a bias, and where backward leaves its gradient. */
    public AdaptedLayer parameter(String name, ArrayRef value, ArrayRef grad) {
        return with(name, Storage.ofVector(what(name), value::get), Storage.ofVector(whatGrad(name), grad::get));
    }

    /** This layer with a {@code double[][]} parameter, such as weights, and where backward leaves its gradient. */
    public AdaptedLayer parameter(String name, Array2DRef value, Array2DRef grad) {
        return with(name, Storage.ofRows(what(name), value::get), Storage.ofRows(whatGrad(name), grad::get));
    }

    /** This layer with a {@link RealVector} parameter and where backward leaves its gradient. */
    public AdaptedLayer parameter(String name, RealVectorRef value, RealVectorRef grad) {
        return with(name, Storage.ofRealVector(what(name), value::get), Storage.ofRealVector(whatGrad(name), grad::get));
    }

    /** This layer with a {@link RealMatrix} parameter and where backward leaves its gradient. */
    public AdaptedLayer parameter(String name, RealMatrixRef value, RealMatrixRef grad) {
        return with(name, Storage.ofRealMatrix(what(name), value::get), Storage.ofRealMatrix(whatGrad(name), grad::get));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Tensor forward(Tensor x) {
        for (Bound b : bound) {
            b.value().write(b.parameter().value());
        }
        Tensor out = forward.apply(name, x);
        requireParametersUnmodified("forward");
        return out;
    }

    @Override
    public Tensor backward(Tensor dout) {
        Tensor dx = backward.apply(name, dout);
        requireParametersUnmodified("backward");
        for (Bound b : bound) {
            b.parameter().setGrad(b.grad().read());
        }
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return bound.stream().map(Bound::parameter).toList();
    }

    @Override
    public String toString() {
        return name + parameters();
    }

    private void requireParametersUnmodified(String step) {
        for (Bound b : bound) {
            Bits.requireUnmodified(b.parameter().value(), b.value().read(), name + "." + step, b.parameter().name(), "parameter");
        }
    }

    private AdaptedLayer with(String parameter, Storage value, Storage grad) {
        if (parameter == null || !NAME.matcher(parameter).matches()) {
            throw new IllegalArgumentException(name + ": parameter name '" + parameter
                    + "' must be a letter or '_' followed by letters, digits or '_'");
        }
        if (parameter.equals("x") || bound.stream().anyMatch(b -> b.parameter().name().equals(parameter))) {
            throw new IllegalArgumentException(name + ": a tensor named " + parameter + " is already declared"
                    + (parameter.equals("x") ? " (x is the input)" : ""));
        }
        List<Bound> more = new ArrayList<>(bound);
        more.add(new Bound(new Parameter(parameter, value.read()), value, grad));
        return new AdaptedLayer(name, forward, backward, more);
    }

    private String what(String parameter) {
        return name + "'s parameter " + parameter;
    }

    private String whatGrad(String parameter) {
        return name + "'s gradient of " + parameter;
    }
}
