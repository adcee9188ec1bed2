package dev.gradcheck.testkit;

import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * One case of a contract at one input shape: a subject made from {@code Random(seed)}, its inputs
 * drawn next from the same random, and the upstream gradient dout (standard normal, from the seed,
 * shaped like the output). A case depends only on the contract, the shape and the seed, so adding
 * or removing other shapes never changes it or its baseline.
 */
final class ContractCase {

    final CaseSource source;
    final Shape shape;
    final Subject subject;
    final List<Tensor> inputs;
    final Tensor dout;

    private ContractCase(CaseSource source, Shape shape, Subject subject, List<Tensor> inputs, Tensor dout) {
        this.source = source;
        this.shape = shape;
        this.subject = subject;
        this.inputs = inputs;
        this.dout = dout;
    }

    /** The case at {@code shape}; the output's shape comes from a forward of a second subject, so this one is untouched. */
    static ContractCase of(CaseSource source, Shape shape) {
        Random random = new Random(source.seed());
        Subject subject = source.create(random);
        List<Tensor> inputs = source.inputs(shape, random);
        Tensor out = source.create(new Random(source.seed())).forward(inputs.stream().map(Tensor::copy).toList());
        return new ContractCase(source, shape, subject, inputs, RandomTensors.gaussianLike(out, new Random(source.seed())));
    }

    /** A second subject made exactly like this one. */
    Subject freshSubject() {
        return source.create(new Random(source.seed()));
    }

    /** Inputs of the same shapes drawn from another seed, for the rules that need a second point. */
    List<Tensor> otherInputs() {
        return source.inputs(shape, new Random(~source.seed()));
    }

    Checkable checkable() {
        return subject.checkable(inputs, source.seed());
    }

    /** {@code Dense/x(2,3),W(3,4),b(4),seed=42}: unit, input shape, parameter shapes, seed. */
    CheckId id() {
        CheckId id;
        try {
            id = CheckId.of(subject.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the layer's name() '" + subject.name() + "' names its baseline file and must be a "
                    + "letter followed by letters, digits, '_' or '-': override name() (or name the adapter)", e);
        }
        id = id.shape(source.input(), shape.dims());
        for (Parameter p : subject.parameters()) {
            id = id.shape(p.name(), p.value().shape());
        }
        return id.seed(source.seed());
    }

    /** The display name of this case's test: {@code x (2, 3)}. */
    static String label(CaseSource source, Shape shape) {
        return source.input() + " " + shape;
    }
}
