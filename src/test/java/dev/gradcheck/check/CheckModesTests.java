package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.data.Dataset;
import dev.gradcheck.layers.Tanh;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.net.NetCheckable;
import dev.gradcheck.net.TwoLayerNet;
import dev.gradcheck.support.Fixtures;
import dev.gradcheck.support.TestLayers;
import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The modes of {@link GradientCheck} on a TwoLayerNet(784, 4, 10) at the first 3 fixture images:
 * fast has the plain bits on any thread count, incremental agrees with plain up to rounding and is
 * guarded, directional escalates, sampled covers every tensor.
 */
class CheckModesTests {

    private static final double H = CheckOptions.DEFAULT_H;

    private static final Dataset IMAGES = Fixtures.firstTestImages(3);

    @Test
    void fastNumericalGradientHasThePlainBitsOnOneTwoAndThreeThreads() {
        FastCheckable unit = bookNet();
        List<Variable> variables = unit.variables();
        for (int threads : new int[] {1, 2, 3}) {
            Tensor[] fast = ParallelCentralDifference.compute(variables, new int[variables.size()][], unit::faithfulLoss, threads, Stencil.CENTRAL_2, H);
            for (int v = 0; v < variables.size(); v++) {
                Tensor plain = NumericalGradient.centralDifference(unit::loss, variables.get(v).value(), H);
                assertTrue(plain.sameBits(fast[v]), variables.get(v).name() + " on " + threads + " threads");
            }
        }
    }

    @Test
    void fastReportHasThePlainReportsFigures() {
        CheckReport plain = GradientCheck.check(bookNet(), CheckOptions.defaults().withMode(CheckMode.PLAIN));
        for (int threads : new int[] {1, 3}) {
            CheckReport fast = GradientCheck.check(bookNet(), CheckOptions.defaults().withMode(CheckMode.FAST).withThreads(threads));
            assertTrue(fast.passed(), fast.describe());
            assertEquals(plain.table(), fast.table());
            for (int v = 0; v < plain.tensors().size(); v++) {
                assertTrue(plain.tensors().get(v).numeric().sameBits(fast.tensors().get(v).numeric()), "tensor " + v);
                assertEquals(Double.doubleToRawLongBits(plain.tensors().get(v).meanAbsDiff()),
                        Double.doubleToRawLongBits(fast.tensors().get(v).meanAbsDiff()));
            }
        }
    }

    @Test
    void incrementalAgreesWithPlainUpToRoundingAndHasTheSameBitsOnAnyThreadCount() {
        FastCheckable unit = bookNet();
        List<Variable> variables = unit.variables();
        double allowed = IncrementalGuard.ULPS * Math.ulp(unit.lossScale()) / H;
        Tensor[] one = ParallelCentralDifference.compute(variables, new int[variables.size()][], unit::incrementalLoss, 1, Stencil.CENTRAL_2, H);
        Tensor[] three = ParallelCentralDifference.compute(variables, new int[variables.size()][], unit::incrementalLoss, 3, Stencil.CENTRAL_2, H);
        for (int v = 0; v < variables.size(); v++) {
            assertTrue(one[v].sameBits(three[v]), variables.get(v).name());
            Tensor plain = NumericalGradient.centralDifference(unit::loss, variables.get(v).value(), H);
            for (int i = 0; i < plain.size(); i++) {
                double diff = Math.abs(plain.get(i) - one[v].get(i));
                assertTrue(diff <= allowed, variables.get(v).name() + plain.indexString(i) + ": " + diff + " > " + allowed);
            }
        }
    }

    @Test
    void evaluatorsAllocateNothingPerPerturbation() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        FastCheckable unit = bookNet();
        List<Variable> variables = unit.variables();
        for (PerturbedLoss loss : List.of(unit.faithfulLoss(), unit.incrementalLoss())) {
            double warm = evaluateEveryElement(loss, variables);
            long before = mx.getCurrentThreadAllocatedBytes();
            double again = evaluateEveryElement(loss, variables);
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertEquals(warm, again);
            assertEquals(0, allocated, "bytes allocated by " + 2 * 3194 + " perturbed evaluations");
        }
    }

    private static double evaluateEveryElement(PerturbedLoss loss, List<Variable> variables) {
        double sum = 0;
        for (int v = 0; v < variables.size(); v++) {
            double[] w = variables.get(v).value().data();
            for (int i = 0; i < w.length; i++) {
                sum += loss.lossWith(v, i, w[i] + H) - loss.lossWith(v, i, w[i] - H);
            }
        }
        return sum;
    }

    @Test
    void checksOfIncrementalLayersHaveThePlainBitsInFastModeAndAgreeInIncrementalMode() {
        for (Layer layer : List.of(new Affine(TestTensors.gaussian(1, 1, 20, 16), TestTensors.gaussian(2, 1, 16)),
                new Relu(), new dev.gradcheck.layers.Sigmoid())) {
            Tensor x = TestTensors.gaussian(3, 1, 3, layer instanceof Affine ? 20 : 16);
            Checkable unit = Checkable.of(layer, x, 42);
            assertTrue(unit instanceof FastCheckable, layer.name());
            CheckReport plain = GradientCheck.check(unit, CheckOptions.defaults().withMode(CheckMode.PLAIN));
            CheckReport fast = GradientCheck.check(unit, CheckOptions.defaults().withMode(CheckMode.FAST).withThreads(2));
            CheckReport incremental = GradientCheck.check(unit, CheckOptions.defaults().withThreads(2));
            assertEquals("incremental, 2 threads", incremental.evaluation(), layer.name());
            assertTrue(fast.passed() && incremental.passed(), fast.describe() + incremental.describe());
            double allowed = IncrementalGuard.ULPS * Math.ulp(unit.lossScale()) / H;
            for (int v = 0; v < plain.tensors().size(); v++) {
                Tensor p = plain.tensors().get(v).numeric();
                assertTrue(p.sameBits(fast.tensors().get(v).numeric()), layer.name() + " tensor " + v);
                for (int i = 0; i < p.size(); i++) {
                    assertTrue(Math.abs(p.get(i) - incremental.tensors().get(v).numeric().get(i)) <= allowed,
                            layer.name() + " tensor " + v + " element " + i);
                }
            }
        }
    }

    @Test
    void autoModeOfTheNetIsIncrementalOnTheGivenThreads() {
        CheckReport report = GradientCheck.check(bookNet(), CheckOptions.defaults().withThreads(2));
        assertTrue(report.passed(), report.describe());
        assertEquals("incremental, 2 threads", report.evaluation());
        assertTrue(report.describe().contains("; incremental, 2 threads)"), report.describe());
    }

    @Test
    void incrementalGuardCatchesAWorkspaceThatDescribesChangesWrongly() {
        FastCheckable unit = net(TestLayers.driftingAffine(w1(), b1()));
        CheckReport incremental = GradientCheck.check(unit, CheckOptions.defaults().withMode(CheckMode.INCREMENTAL));
        assertEquals(FailureCategory.CONTRACT_BREACH, incremental.category(), incremental.describe());
        assertTrue(incremental.describe().contains("the incremental loss with W1("), incremental.describe());
        CheckReport fast = GradientCheck.check(unit, CheckOptions.defaults().withMode(CheckMode.FAST));
        assertTrue(fast.passed(), fast.describe());
    }

    @Test
    void aLayerWithoutWorkspaceIsRecomputedInFullOnOneThread() {
        FastCheckable unit = net(new Affine(w1(), b1()), new Tanh());
        assertTrue(!unit.parallel());
        CheckReport report = GradientCheck.check(unit, CheckOptions.defaults().withMode(CheckMode.INCREMENTAL).withThreads(2));
        assertTrue(report.passed(), report.describe());
        assertEquals("incremental, 1 thread", report.evaluation());
        CheckReport plain = GradientCheck.check(unit, CheckOptions.defaults().withMode(CheckMode.PLAIN));
        for (int v = 0; v < plain.tensors().size(); v++) {
            double[] a = plain.tensors().get(v).numeric().data();
            double[] b = report.tensors().get(v).numeric().data();
            for (int i = 0; i < a.length; i++) {
                assertTrue(Math.abs(a[i] - b[i]) <= IncrementalGuard.ULPS * Math.ulp(unit.lossScale()) / H, "tensor " + v + " at " + i);
            }
        }
    }

    @Test
    void directionalCheckPassesTheNetAlongEveryTensor() {
        CheckReport report = GradientCheck.check(bookNet(), CheckOptions.defaults().directional(2));
        assertTrue(report.passed(), report.describe());
        for (TensorReport t : report.tensors()) {
            assertTrue(t.directional(), t.name());
            assertEquals(2, t.checked(), t.name());
        }
        assertTrue(report.table().contains("direction"), report.table());
    }

    @Test
    void directionalCheckEscalatesAFailingTensorToEveryElement() {
        FastCheckable unit = net(TestLayers.wrongWeightGradient(w1(), b1(), 1 + 1e-5));
        CheckReport report = GradientCheck.check(unit, CheckOptions.defaults().directional(2));
        assertTrue(!report.passed(), report.describe());
        TensorReport w1 = report.tensor("W1").orElseThrow();
        assertEquals(TensorReport.EVERY_ELEMENT, w1.method());
        assertTrue(w1.failures() > 0 && w1.worstIndex() >= 0, report.describe());
        assertTrue(report.describe().contains("W1") && report.describe().contains("elements beyond tolerance; worst ("),
                report.describe());
        assertTrue(report.tensor("b1").orElseThrow().directional(), "b1's backward is right: its direction passes");
    }

    @Test
    void sampledModeChecksEveryTensorAndReportsCoverage() {
        CheckReport report = GradientCheck.check(bookNet(), CheckOptions.defaults().sampled(20));
        assertTrue(report.passed(), report.describe());
        assertEquals(List.of("W1", "b1", "W2", "b2"), report.tensors().stream().map(TensorReport::name).toList());
        for (TensorReport t : report.tensors()) {
            int expected = Math.min(t.elements(), 20);
            assertEquals(expected, t.examined(), t.name());
            assertEquals(expected, t.checked() + t.skipped(), t.name());
            assertEquals((double) expected / t.elements(), t.coverage(), 1e-15, t.name());
            long computed = Arrays.stream(t.numeric().data()).filter(d -> !Double.isNaN(d)).count();
            assertEquals(expected, computed, t.name());
        }
        assertTrue(report.table().contains("0.638%") && report.table().contains("100%"), report.table());
    }

    @Test
    void sampledModeFindsAWrongTensor() {
        FastCheckable unit = net(TestLayers.wrongWeightGradient(w1(), b1(), 1 + 1e-5));
        CheckReport report = GradientCheck.check(unit, CheckOptions.defaults().sampled(20));
        assertTrue(!report.tensor("W1").orElseThrow().passed(), report.describe());
    }

    @Test
    void optionsRejectNonPositiveThreadsSamplesAndDirections() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckOptions.defaults().withThreads(0));
        assertTrue(e.getMessage().contains("must be positive, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckOptions.defaults().sampled(0));
        assertThrows(IllegalArgumentException.class, () -> CheckOptions.defaults().directional(0));
        assertNotNull(CheckOptions.defaults().withMode(CheckMode.FAST));
    }

    private static FastCheckable bookNet() {
        return (FastCheckable) new TwoLayerNet(784, 4, 10, 42).checkable(IMAGES.images(), IMAGES.labelIndices());
    }

    /** first → Relu → Affine(W2, b2) → SoftmaxWithLoss, or first → second → Affine(W2, b2) when second is given. */
    private static FastCheckable net(Layer first, Layer... second) {
        Layer middle = second.length > 0 ? second[0] : new Relu();
        Affine last = new Affine(new Parameter("W2", TestTensors.gaussian(12, 0.1, 4, 10)), new Parameter("b2", Tensor.zeros(10)));
        return NetCheckable.of("Net", List.of(first, middle, last), new SoftmaxWithLoss(), IMAGES.images(), IMAGES.labelIndices());
    }

    private static Parameter w1() {
        return new Parameter("W1", TestTensors.gaussian(11, 0.05, 784, 4));
    }

    private static Parameter b1() {
        return new Parameter("b1", TestTensors.gaussian(13, 0.1, 4));
    }
}
