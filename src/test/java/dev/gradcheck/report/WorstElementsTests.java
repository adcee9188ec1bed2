package dev.gradcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.support.WrongAtOneElement;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worst-elements table puts the offending element first, with both values; the metrics table has every tensor. */
class WorstElementsTests {

    @Test
    void theElementBeyondTheToleranceComesFirstWithBothValues() {
        CheckReport report = GradientCheck.check(Checkable.of(new WrongAtOneElement(7, 1e-6),
                TestTensors.gaussian(3, 1, 4, 5), 3));
        TensorReport x = report.tensors().get(0);
        List<String> rows = WorstElements.csv(report, x, 3).lines().toList();
        assertEquals("rank,element,analytic A,numerical N,|A-N|,allowed |A-N|,|A-N| / allowed,verdict", rows.get(0));
        assertEquals(4, rows.size(), "a header and the 3 worst");
        assertTrue(rows.get(1).startsWith("1,\"(1, 2)\"," + Csv.number(x.analytic().get(7)) + ","
                + Csv.number(x.numeric().get(7)) + ","), rows.get(1));
        assertTrue(rows.get(1).endsWith(",beyond tolerance"), rows.get(1));
        assertTrue(rows.get(2).endsWith(",ok"), rows.get(2));
    }

    @Test
    void kinksAreListedAfterTheWorstElements() {
        Tensor x = Tensor.matrix(new double[] {0, 1, -1, 2});
        CheckReport report = GradientCheck.check(Checkable.of(new Relu(), x, 3));
        List<String> rows = WorstElements.csv(report, report.tensors().get(0), 10).lines().toList();
        assertEquals(1 + 3 + 1, rows.size(), "header, the 3 checked elements, the kink");
        assertTrue(rows.get(4).startsWith("kink,\"(0, 0)\","), rows.get(4));
    }

    @Test
    void metricsTableHasOneRowPerTensorWithTheReportsFigures() {
        CheckReport report = GradientCheck.check(Checkable.of(new WrongAtOneElement(7, 1e-6),
                TestTensors.gaussian(3, 1, 4, 5), 3));
        List<String> rows = MetricsTable.csv(report).lines().toList();
        assertEquals(2, rows.size());
        TensorReport x = report.tensors().get(0);
        assertTrue(rows.get(1).startsWith("x,input,\"(4, 5)\",20,20,0,0,1," + Csv.number(x.meanAbsDiff()) + ","
                + Csv.number(x.maxAbsDiff()) + ","), rows.get(1));
        assertTrue(rows.get(1).endsWith("\"" + x.verdict() + "\""), rows.get(1));
    }
}
