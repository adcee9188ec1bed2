package dev.gradcheck.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.support.TestTensors;
import dev.gradcheck.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Layer workspaces: forward gives the layer's own bits, and a described change gives the output a
 * full forward of the changed input or parameter gives (exactly for element-wise layers and the
 * loss, up to rounding for Affine's rank-one updates).
 */
class WorkspaceTests {

    private static final int[] SHAPE = {4, 6};

    @Test
    void workspaceForwardHasTheLayersBits() {
        Tensor x = TestTensors.gaussian(1, 1, SHAPE);
        for (IncrementalLayer layer : List.of(affine(), new Relu(), new Sigmoid())) {
            double[] out = layer.workspace(SHAPE).forward(x.data());
            assertTrue(Tensor.wrap(out.clone(), layer.forward(x).shape()).sameBits(layer.forward(x)), layer.name());
        }
    }

    @Test
    void affineWorkspaceKeepsTheNaNOfAnInfiniteWeightTimesAZeroInput() {
        Affine affine = affine();
        Tensor x = TestTensors.gaussian(9, 1, SHAPE);
        for (int r = 0; r < 4; r++) {
            x.set(r * 6 + 2, 0.0);
        }
        LayerWorkspace ws = affine.workspace(SHAPE);
        ws.setParameter(0, 2 * 3 + 1, Double.POSITIVE_INFINITY);
        affine.parameters().get(0).value().set(2 * 3 + 1, Double.POSITIVE_INFINITY);
        double[] out = ws.forward(x.data()).clone();
        assertTrue(Tensor.wrap(out, 4, 3).sameBits(affine.forward(x)), "W with an infinity");
        assertTrue(Double.isNaN(out[1]), "0·∞ is NaN");
        ws.setParameter(0, 2 * 3 + 1, 0.5);
        affine.parameters().get(0).value().set(2 * 3 + 1, 0.5);
        assertTrue(Tensor.wrap(ws.forward(x.data()).clone(), 4, 3).sameBits(affine.forward(x)), "W finite again");
    }

    @Test
    void elementwiseChangesAreExactAndLeaveOutUnchangedElements() {
        Tensor x = TestTensors.gaussian(2, 1, SHAPE);
        for (IncrementalLayer layer : List.of(new Relu(), new Sigmoid())) {
            LayerWorkspace ws = layer.workspace(SHAPE);
            double[] base = ws.forward(x.data()).clone();
            Change in = new Change(4);
            in.add(3, x.get(3) + 0.5);
            in.add(10, x.get(10));
            in.add(17, -Math.abs(x.get(17)) - 1);
            Change out = new Change(1);
            ws.inputChanged(in, out);
            Tensor changed = x.copy();
            changed.set(3, x.get(3) + 0.5);
            changed.set(17, -Math.abs(x.get(17)) - 1);
            double[] expected = layer.forward(changed).data();
            double[] actual = apply(base, out);
            assertTrue(Tensor.wrap(actual, SHAPE).sameBits(Tensor.wrap(expected, SHAPE)), layer.name());
            for (int k = 0; k < out.count(); k++) {
                assertTrue(out.index(k) == 3 || out.index(k) == 17, layer.name() + " reported unchanged element " + out.index(k));
            }
        }
    }

    @Test
    void affineInputChangeMatchesFullForwardUpToRounding() {
        Affine affine = affine();
        Tensor x = TestTensors.gaussian(3, 1, SHAPE);
        LayerWorkspace ws = affine.workspace(SHAPE);
        double[] base = ws.forward(x.data()).clone();
        SplittableRandom random = new SplittableRandom(4);
        Change in = new Change(2);
        Tensor changed = x.copy();
        for (int i = 1; i < x.size(); i += 5) {
            double v = x.get(i) + random.nextGaussian();
            in.add(i, v);
            changed.set(i, v);
        }
        Change out = new Change(2);
        ws.inputChanged(in, out);
        assertArrayEquals(affine.forward(changed).data(), apply(base, out), 1e-14);
    }

    @Test
    void affineParameterChangeMatchesFullForwardUpToRoundingAndBiasExactly() {
        Affine affine = affine();
        Tensor x = TestTensors.gaussian(5, 1, SHAPE);
        LayerWorkspace ws = affine.workspace(SHAPE);
        double[] base = ws.forward(x.data()).clone();
        for (int p = 0; p < 2; p++) {
            Tensor w = affine.parameters().get(p).value();
            for (int i = 0; i < w.size(); i += 3) {
                double saved = w.get(i);
                Change out = new Change(1);
                ws.parameterChanged(p, i, saved + 1e-4, out);
                w.set(i, saved + 1e-4);
                double[] expected = affine.forward(x).data();
                w.set(i, saved);
                double[] actual = apply(base, out);
                if (p == 1) {
                    assertTrue(Tensor.wrap(actual, 4, 3).sameBits(Tensor.wrap(expected, 4, 3)), "b" + i);
                } else {
                    assertArrayEquals(expected, actual, 1e-15, "W" + i);
                }
            }
        }
    }

    @Test
    void softmaxLossWithChangedScoresHasTheBitsOfAFullForward() {
        Tensor scores = TestTensors.gaussian(6, 3, 4, 5);
        Labels t = Labels.indices(1, 0, 4, 2);
        SoftmaxWithLoss loss = new SoftmaxWithLoss();
        LossWorkspace ws = loss.workspace(scores.shape(), t);
        assertEquals(Double.doubleToRawLongBits(loss.forward(scores, t)), Double.doubleToRawLongBits(ws.forward(scores.data())));
        Change change = new Change(1);
        change.add(6, 2.5);
        change.add(8, -1.0);
        change.add(17, 0.25);
        Tensor changed = scores.copy();
        changed.set(6, 2.5);
        changed.set(8, -1.0);
        changed.set(17, 0.25);
        assertEquals(Double.doubleToRawLongBits(loss.forward(changed, t)), Double.doubleToRawLongBits(ws.lossWith(change)));
        change.clear();
        assertEquals(Double.doubleToRawLongBits(loss.forward(scores, t)), Double.doubleToRawLongBits(ws.lossWith(change)));
    }

    @Test
    void changeIndicesMustIncrease() {
        Change change = new Change(1);
        change.add(5, 1.0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> change.add(5, 2.0));
        assertTrue(e.getMessage().contains("must increase: 5 after 5"), e.getMessage());
    }

    private static Affine affine() {
        return new Affine(TestTensors.gaussian(7, 1, 6, 3), TestTensors.gaussian(8, 1, 3));
    }

    private static double[] apply(double[] base, Change change) {
        double[] out = base.clone();
        for (int k = 0; k < change.count(); k++) {
            out[change.index(k)] = change.value(k);
        }
        return out;
    }
}
