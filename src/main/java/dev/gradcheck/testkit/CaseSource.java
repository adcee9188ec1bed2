package dev.gradcheck.testkit;

import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** What a contract supplies for its cases: {@link LayerContract} and {@link LossContract} seen alike. */
interface CaseSource {

    /** A new subject, every random number drawn from {@code random}. */
    Subject create(Random random);

    /** The name of the differentiated input: {@code x} or {@code y}. */
    String input();

    /** The name of the factory method, for messages: {@code createLayer}. */
    String factory();

    /** The inputs at {@code shape}, drawn from {@code random}: x, or y and t. */
    List<Tensor> inputs(Shape shape, Random random);

    List<Shape> shapes();

    long seed();

    CheckOptions options();

    Optional<Path> baselineDirectory();

    static CaseSource of(LayerContract contract) {
        return new CaseSource() {
            @Override
            public Subject create(Random random) {
                return Subject.of(contract.createLayer(random));
            }

            @Override
            public String input() {
                return "x";
            }

            @Override
            public String factory() {
                return contract.getClass().getSimpleName() + ".createLayer";
            }

            @Override
            public List<Tensor> inputs(Shape shape, Random random) {
                return List.of(contract.createInput(shape, random));
            }

            @Override
            public List<Shape> shapes() {
                return contract.inputShapes();
            }

            @Override
            public long seed() {
                return contract.seed();
            }

            @Override
            public CheckOptions options() {
                return contract.options();
            }

            @Override
            public Optional<Path> baselineDirectory() {
                return contract.baselineDirectory();
            }
        };
    }

    static CaseSource of(LossContract contract) {
        return new CaseSource() {
            @Override
            public Subject create(Random random) {
                return Subject.of(contract.createLoss(random));
            }

            @Override
            public String input() {
                return "y";
            }

            @Override
            public String factory() {
                return contract.getClass().getSimpleName() + ".createLoss";
            }

            @Override
            public List<Tensor> inputs(Shape shape, Random random) {
                Tensor y = contract.createInput(shape, random);
                return List.of(y, contract.createTarget(shape, random));
            }

            @Override
            public List<Shape> shapes() {
                return contract.inputShapes();
            }

            @Override
            public long seed() {
                return contract.seed();
            }

            @Override
            public CheckOptions options() {
                return contract.options();
            }

            @Override
            public Optional<Path> baselineDirectory() {
                return contract.baselineDirectory();
            }
        };
    }
}
