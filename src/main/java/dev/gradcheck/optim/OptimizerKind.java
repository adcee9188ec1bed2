package dev.gradcheck.optim;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * The book's optimisers by name, each with the learning rate the book trains it with: 0.1 for SGD
 * (chapter 5's {@code train_neuralnet.py}; chapter 6's class default is 0.01), the chapter-6 defaults
 * for the others (§6.1, {@code common/optimizer.py}).
 */
public enum OptimizerKind {
    SGD(0.1, dev.gradcheck.optim.SGD::new),
    MOMENTUM(Momentum.DEFAULT_LR, Momentum::new),
    ADAGRAD(AdaGrad.DEFAULT_LR, AdaGrad::new),
    ADAM(Adam.DEFAULT_LR, Adam::new);

    /** Learning rate the book uses for this optimiser when none is given. */
    private final double defaultLr;

    /** Builds the optimiser from a learning rate, other hyperparameters at the book's defaults. */
    private final DoubleFunction<Optimizer> factory;

    OptimizerKind(double defaultLr, DoubleFunction<Optimizer> factory) {
        this.defaultLr = defaultLr;
        this.factory = factory;
    }

    public double defaultLr() {
        return defaultLr;
    }

    /** A new optimiser with learning rate {@code lr}. */
    public Optimizer create(double lr) {
        return factory.apply(lr);
    }

    /** The lower-case name used on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} (case-insensitive); the message lists the known names otherwise. */
    public static OptimizerKind parse(String name) {
        for (OptimizerKind k : values()) {
            if (k.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimiser '" + name + "'; choose one of "
                + Arrays.stream(values()).map(OptimizerKind::key).collect(Collectors.joining(", ")));
    }
}
