package dev.gradcheck.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradcheck.baseline.BaselineGate;
import dev.gradcheck.baseline.BaselineMode;
import dev.gradcheck.baseline.BaselineStore;
import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.support.WrongAtOneElement;
import dev.gradcheck.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure lands in exactly one Allure category, chosen by the first gradcheck tag of its message. */
class AllureCategoriesTests {

    @TempDir
    Path baselines;

    @Test
    void aWrongBackwardIsAGradientMismatch() {
        assertEquals(List.of("Gradient mismatch"), categories("failed", failure(new WrongAtOneElement(2, 1e-6))));
    }

    @Test
    void aNaNGradientIsANonFiniteValue() {
        assertEquals(List.of("Non-finite value"), categories("failed", failure(new WrongAtOneElement(2, Double.NaN))));
    }

    @Test
    void aBackwardThatWritesIntoDoutIsAContractBreach() {
        Layer writesDout = new Layer() {
            @Override public Tensor forward(Tensor x) {
                return x.copy();
            }
            @Override public Tensor backward(Tensor dout) {
                dout.set(0, 0);
                return dout;
            }
        };
        assertEquals(List.of("Contract breach"), categories("failed", failure(writesDout)));
    }

    @Test
    void anExceptionInTheLayerIsALayerError() {
        Layer throwing = new Layer() {
            @Override public Tensor forward(Tensor x) {
                return x.copy();
            }
            @Override public Tensor backward(Tensor dout) {
                throw new UnsupportedOperationException("not written yet");
            }
        };
        assertEquals(List.of("Layer error"), categories("broken", failure(throwing)));
    }

    @Test
    void aMissingBaselineIsABaselineRegressionFailure() {
        CheckReport report = GradientCheck.check(Checkable.of(new Sigmoid(), TestTensors.gaussian(1, 1, 2, 3), 1));
        BaselineGate gate = new BaselineGate(new BaselineStore(baselines), BaselineMode.COMPARE);
        AssertionError e = assertThrows(AssertionError.class,
                () -> gate.verify(CheckId.of("Sigmoid").shape("x", 2, 3).seed(1), report));
        assertEquals(List.of("Baseline regression"), categories("failed", e.getMessage()));
    }

    @Test
    void aMessageWithoutATagIsAnOtherFailure() {
        assertEquals(List.of(AllureCategories.OTHER), categories("failed", "expected: <1> but was: <2>"));
        assertEquals(List.of(AllureCategories.OTHER), categories("broken", null));
    }

    @Test
    void theFirstTagDecidesWhenAMessageCarriesTwo() {
        String jqwik = "Property [p] failed with sample {x=...}\n\n[contract breach] Relu: forward is not deterministic"
                + "\n  [layer error] Relu threw ...";
        assertEquals(List.of("Contract breach"), categories("failed", jqwik));
    }

    @Test
    void passedTestsHaveNoCategory() {
        assertEquals(List.of(), categories("passed", "[gradient mismatch] never shown"));
    }

    @Test
    void theJsonNamesEveryCategoryWithItsRegexEscaped() {
        String json = AllureCategories.json();
        for (AllureCategories.Category c : AllureCategories.all()) {
            assertEquals(true, json.contains(Json.string(c.messageRegex())), c.name());
        }
        assertEquals(6, AllureCategories.all().size());
    }

    private static String failure(Layer layer) {
        CheckReport report = GradientCheck.check(Checkable.of(layer, TestTensors.gaussian(3, 1, 2, 3), 3));
        return report.describe();
    }

    private static List<String> categories(String status, String message) {
        return AllureCategories.all().stream().filter(c -> c.matches(status, message)).map(AllureCategories.Category::name)
                .toList();
    }
}
