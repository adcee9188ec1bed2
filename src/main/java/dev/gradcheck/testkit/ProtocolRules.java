package dev.gradcheck.testkit;

import dev.gradcheck.check.ContractViolation;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rules of the layer protocol that a gradient check alone does not see, each as a check that
 * fails with an {@link AssertionError} tagged {@code [contract breach]} (or {@code [layer error]}
 * when the layer throws). Every rule drives a fresh subject through forward and backward.
 */
final class ProtocolRules {

    private ProtocolRules() {
    }

    /** Forward twice at the same inputs, with a backward in between, gives the same bits. */
    static void forwardIsDeterministic(Subject s, List<Tensor> inputs, Tensor dout) {
        Tensor first = forward(s, inputs).copy();
        backward(s, dout);
        Tensor second = forward(s, inputs);
        String difference = difference(first, second);
        if (difference != null) {
            throw breach(s.name() + ".forward is not deterministic: called twice at the same " + String.join(", ", s.inputNames())
                    + " (with a backward in between), its output " + difference);
        }
    }

    /** Forward and backward leave their arguments (the inputs, dout) and the parameters with their bits. */
    static void forwardAndBackwardModifyNoArgument(Subject s, List<Tensor> inputs, Tensor dout) {
        List<Tensor> inputCopies = inputs.stream().map(Tensor::copy).toList();
        Map<String, Tensor> parameterCopies = values(s);
        Tensor doutCopy = dout.copy();
        forward(s, inputs);
        requireUnmodified(s, "forward", inputs, inputCopies, parameterCopies);
        backward(s, dout);
        requireUnmodified(s, "backward", inputs, inputCopies, parameterCopies);
        unmodified(() -> Bits.requireUnmodified(doutCopy, dout, s.name() + ".backward", "dout", "argument"));
    }

    /**
     * Forward and backward return tensors of their own: sharing no array with an argument, a
     * parameter or each other, and not changed by the next forward and backward (at other inputs).
     */
    static void forwardAndBackwardReturnNewTensors(Subject s, List<Tensor> inputs, List<Tensor> otherInputs, Tensor dout) {
        Map<String, Tensor> seen = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            seen.put("its argument " + s.inputNames().get(i), inputs.get(i));
        }
        s.parameters().forEach(p -> seen.put("its parameter " + p.name(), p.value()));
        seen.put("its argument dout", dout);
        Tensor out = forward(s, inputs);
        requireOwnArray(s, "forward's output", out, seen);
        seen.put("forward's output", out);
        Map<String, Tensor> gradients = gradients(s, backward(s, dout));
        for (Map.Entry<String, Tensor> g : gradients.entrySet()) {
            requireOwnArray(s, "backward's " + g.getKey(), g.getValue(), seen);
            seen.put("backward's " + g.getKey(), g.getValue());
        }
        Tensor outCopy = out.copy();
        Map<String, Tensor> gradientCopies = copies(gradients);
        forward(s, otherInputs);
        backward(s, TensorOps.scale(dout, 2));
        if (!out.sameBits(outCopy)) {
            throw breach(s.name() + ".forward reused the tensor it returned: its output changed when forward ran again at "
                    + "other inputs (" + difference(outCopy, out) + ")");
        }
        gradientCopies.forEach((name, copy) -> {
            if (!gradients.get(name).sameBits(copy)) {
                throw breach(s.name() + ".backward reused the tensor it gave as " + name + ": it changed when backward ran "
                        + "again (" + difference(copy, gradients.get(name)) + ")");
            }
        });
    }

    /** Backward returns a gradient shaped like the differentiated input and sets one for every parameter. */
    static void backwardSetsAGradientOfItsShapeForEveryTensor(Subject s, List<Tensor> inputs, Tensor dout) {
        forward(s, inputs);
        Tensor d = backward(s, dout);
        String input = s.inputNames().get(0);
        if (d == null) {
            throw breach(s.name() + ".backward returned null instead of " + s.inputGradientName());
        }
        if (!d.sameShape(inputs.get(0))) {
            throw breach(s.name() + ".backward returned " + s.inputGradientName() + " of shape " + d.shapeString() + " but "
                    + input + " has shape " + inputs.get(0).shapeString());
        }
        for (Parameter p : s.parameters()) {
            if (!p.hasGrad()) {
                throw breach(s.name() + ".backward set no gradient for its parameter " + p.name());
            }
            if (!p.grad().sameShape(p.value())) {
                throw breach(s.name() + ".backward set d" + p.name() + " of shape " + p.grad().shapeString() + " but "
                        + p.name() + " has shape " + p.value().shapeString());
            }
        }
    }

    /** Backward twice after one forward, with the same dout, gives the same bits: gradients are set, not added. */
    static void backwardTwiceGivesIdenticalGradients(Subject s, List<Tensor> inputs, Tensor dout) {
        forward(s, inputs);
        Map<String, Tensor> first = copies(gradients(s, backward(s, dout)));
        Map<String, Tensor> second = gradients(s, backward(s, dout));
        first.forEach((name, g) -> {
            String difference = difference(g, second.get(name));
            if (difference != null) {
                throw breach(s.name() + ".backward called twice after one forward, with the same dout, changed " + name
                        + ": " + difference + " (backward must set gradients, not add to them)");
            }
        });
    }

    /**
     * After forward at other inputs and then at {@code inputs}, backward gives the bits that a fresh
     * subject gives after forward at {@code inputs} alone: backward reads what the last forward kept.
     */
    static void backwardFollowsTheLastForward(Subject s, Subject fresh, List<Tensor> inputs, List<Tensor> otherInputs,
                                              Tensor dout, String factory) {
        Map<String, Tensor> mine = values(s), theirs = values(fresh);
        mine.forEach((name, value) -> {
            String difference = difference(value, theirs.get(name));
            if (difference != null) {
                throw breach(factory + " is not deterministic: two layers made from the same seed differ in " + name
                        + " (" + difference + "); it must draw every random number from the Random it is given");
            }
        });
        forward(fresh, inputs);
        Map<String, Tensor> expected = copies(gradients(fresh, backward(fresh, dout)));
        forward(s, otherInputs);
        forward(s, inputs);
        Map<String, Tensor> actual = gradients(s, backward(s, dout));
        expected.forEach((name, g) -> {
            String difference = difference(g, actual.get(name));
            if (difference != null) {
                throw breach(s.name() + ".backward did not follow the last forward: after forward at other inputs and then at "
                        + "these, " + name + " differs from a fresh layer's after forward at these alone: " + difference
                        + " (does forward keep what backward needs from an earlier call?)");
            }
        });
    }

    /** {@code backward(2·dout)} is exactly {@code 2·backward(dout)}, for every gradient. */
    static void backwardIsLinearInDout(Subject s, List<Tensor> inputs, Tensor dout) {
        forward(s, inputs);
        Map<String, Tensor> once = copies(gradients(s, backward(s, dout)));
        Map<String, Tensor> twice = gradients(s, backward(s, TensorOps.scale(dout, 2)));
        once.forEach((name, g) -> {
            Tensor doubled = TensorOps.scale(g, 2);
            String difference = difference(doubled, twice.get(name));
            if (difference != null) {
                throw breach(s.name() + ".backward is not linear in dout: comparing 2·backward(dout) with backward(2·dout), "
                        + name + " " + difference);
            }
        });
    }

    /** The input gradient and every parameter's gradient after a backward that returned {@code d}, keyed dx, dW, .... */
    private static Map<String, Tensor> gradients(Subject s, Tensor d) {
        Map<String, Tensor> g = new LinkedHashMap<>();
        g.put(s.inputGradientName(), d);
        for (Parameter p : s.parameters()) {
            if (!p.hasGrad()) {
                throw breach(s.name() + ".backward set no gradient for its parameter " + p.name());
            }
            g.put("d" + p.name(), p.grad());
        }
        return g;
    }

    private static Map<String, Tensor> values(Subject s) {
        Map<String, Tensor> v = new LinkedHashMap<>();
        s.parameters().forEach(p -> v.put(p.name(), p.value().copy()));
        return v;
    }

    private static Map<String, Tensor> copies(Map<String, Tensor> tensors) {
        Map<String, Tensor> c = new LinkedHashMap<>();
        tensors.forEach((name, t) -> c.put(name, t.copy()));
        return c;
    }

    private static void requireUnmodified(Subject s, String step, List<Tensor> inputs, List<Tensor> copies,
                                          Map<String, Tensor> parameterCopies) {
        unmodified(() -> {
            for (int i = 0; i < inputs.size(); i++) {
                Bits.requireUnmodified(copies.get(i), inputs.get(i), s.name() + "." + step, s.inputNames().get(i), "argument");
            }
            for (Parameter p : s.parameters()) {
                Bits.requireUnmodified(parameterCopies.get(p.name()), p.value(), s.name() + "." + step, p.name(), "parameter");
            }
        });
    }

    private static void unmodified(Runnable check) {
        try {
            check.run();
        } catch (ContractViolation e) {
            throw breach(e.getMessage());
        }
    }

    private static void requireOwnArray(Subject s, String what, Tensor t, Map<String, Tensor> others) {
        if (t == null) {
            throw breach(s.name() + ": " + what + " is null");
        }
        others.forEach((name, other) -> {
            if (other != null && other.data() == t.data()) {
                throw breach(s.name() + ": " + what + " shares its array with " + name
                        + " (forward and backward must return new tensors)");
            }
        });
    }

    /** Where {@code b} differs from {@code a} in words, or null if they have the same shape and bits. */
    private static String difference(Tensor a, Tensor b) {
        if (b == null) {
            return "is missing the second time";
        }
        if (!a.sameShape(b)) {
            return "had shape " + a.shapeString() + ", then " + b.shapeString();
        }
        int i = Bits.firstDifference(a, b);
        return i < 0 ? null : "at " + a.indexString(i) + " was " + a.get(i) + ", then " + b.get(i);
    }

    private static Tensor forward(Subject s, List<Tensor> inputs) {
        return step(s, "forward", () -> s.forward(inputs));
    }

    private static Tensor backward(Subject s, Tensor dout) {
        return step(s, "backward", () -> s.backward(dout));
    }

    /** Runs one step of the layer, turning its exceptions into failures that say which step threw. */
    private static <T> T step(Subject s, String step, Supplier<T> call) {
        try {
            return call.get();
        } catch (ContractViolation | ShapeException e) {
            throw breach(e.getMessage(), e);
        } catch (RuntimeException e) {
            AssertionError error = new AssertionError("[" + FailureCategory.LAYER_ERROR.tag() + "] " + s.name() + " threw "
                    + e.getClass().getSimpleName() + " during " + step + ": " + e.getMessage());
            error.initCause(e);
            throw error;
        }
    }

    static AssertionError breach(String message) {
        return new AssertionError("[" + FailureCategory.CONTRACT_BREACH.tag() + "] " + message);
    }

    private static AssertionError breach(String message, Throwable cause) {
        AssertionError error = breach(message);
        error.initCause(cause);
        return error;
    }
}
