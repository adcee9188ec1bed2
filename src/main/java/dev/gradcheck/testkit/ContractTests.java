package dev.gradcheck.testkit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.ContractViolation;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/** The dynamic tests behind the contracts' default methods: one test per input shape. */
final class ContractTests {

    /** A protocol rule applied to one case. */
    @FunctionalInterface
    interface Rule {
        void check(ContractCase c);
    }

    private ContractTests() {
    }

    /** The gradient check of each case, with the contract's options; fails with the check's report. */
    static Stream<DynamicTest> gradients(CaseSource source) {
        return each(source, c -> GradCheckAssertions.assertGradientsMatch(c.checkable(), source.options()));
    }

    /** The baseline gate on each case whose gradient check passes; aborted for a case whose check fails. */
    static Stream<DynamicTest> baselines(CaseSource source) {
        return each(source, c -> {
            CheckReport report = GradientCheck.check(c.checkable(), source.options());
            Assumptions.assumeTrue(report.passed(), () -> "the gradient check fails (see backwardMatchesCentralDifference), "
                    + "so its mean |A - N| is not compared with a baseline");
            BaselineGates.of(source.baselineDirectory()).verify(c.id(), report);
        });
    }

    /** {@code rule} on each case. */
    static Stream<DynamicTest> rule(CaseSource source, Rule rule) {
        return each(source, rule);
    }

    /** The inputs of a second point; aborts the test when they equal the case's (the input factory ignores its random). */
    static List<Tensor> otherInputs(ContractCase c) {
        List<Tensor> other = c.otherInputs();
        for (int i = 0; i < other.size(); i++) {
            if (!other.get(i).sameBits(c.inputs.get(i))) {
                return other;
            }
        }
        throw new TestAbortedException("inputs drawn from another seed equal this case's, so a second point cannot be "
                + "tried: draw the inputs from the Random the contract passes");
    }

    private static Stream<DynamicTest> each(CaseSource source, Rule rule) {
        List<Shape> shapes = source.shapes();
        if (shapes == null || shapes.isEmpty()) {
            throw new IllegalStateException(source.factory().replaceAll("\\.create\\w+$", "")
                    + ".inputShapes() is empty: give at least one shape to check the layer at, e.g. List.of(Shape.of(2, 3))");
        }
        return shapes.stream().map(shape -> dynamicTest(ContractCase.label(source, shape), () -> rule.check(make(source, shape))));
    }

    /** The case at {@code shape}; a failure while making it (the factories, one forward) fails the test with its category. */
    private static ContractCase make(CaseSource source, Shape shape) {
        String making = "making the case " + source.input() + " " + shape + " (" + source.factory() + ", the inputs and one forward)";
        try {
            return ContractCase.of(source, shape);
        } catch (ContractViolation | ShapeException e) {
            throw GradCheckAssertions.failure(FailureCategory.CONTRACT_BREACH, e.getMessage() + ", while " + making, e);
        } catch (RuntimeException e) {
            throw GradCheckAssertions.failure(FailureCategory.LAYER_ERROR, making + " threw " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }
}
