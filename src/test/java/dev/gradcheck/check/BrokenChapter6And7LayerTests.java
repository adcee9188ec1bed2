package dev.gradcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.layers.Convolution;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.Pooling;
import dev.gradcheck.support.BatchNormalizationCase;
import dev.gradcheck.support.ConvolutionCase;
import dev.gradcheck.support.DropoutCase;
import dev.gradcheck.support.PoolingCase;
import dev.gradcheck.tensor.Im2Col;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker fails a broken backward of each chapter 6 and 7 layer, on the tensors the bug touches. */
class BrokenChapter6And7LayerTests {

    /** Convolution whose col2im writes each entry over the previous one instead of adding: overlapping windows are lost. */
    static final class ConvolutionWithCol2imOverwriting implements Layer {
        private final Convolution conv;
        private final Tensor W;
        private final Im2Col im2col;
        private int[] xShape;

        ConvolutionWithCol2imOverwriting(ConvolutionCase c, long seed) {
            this.conv = c.layer(seed);
            this.W = conv.parameters().get(0).value();
            this.im2col = new Im2Col(c.fh(), c.fw(), c.stride(), c.pad());
        }

        @Override public Tensor forward(Tensor x) {
            xShape = x.shape();
            return conv.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            conv.backward(dout);
            Tensor dcol = TensorOps.dot(Im2Col.imagesToRows(dout), W.reshape(W.dim(0), W.size() / W.dim(0)));
            Tensor dx = Tensor.zeros(xShape);
            Tensor sources = im2col.im2col(flatIndexPlusOne(xShape));
            for (int k = 0; k < dcol.size(); k++) {
                int source = (int) sources.get(k) - 1;
                if (source >= 0) {
                    dx.set(source, dcol.get(k));
                }
            }
            return dx;
        }

        @Override public List<Parameter> parameters() {
            return conv.parameters();
        }

        /** Each element holds its flat index + 1, so im2col of it says where every entry came from (0: padding). */
        private static Tensor flatIndexPlusOne(int[] shape) {
            Tensor t = Tensor.zeros(shape);
            for (int i = 0; i < t.size(); i++) {
                t.set(i, i + 1);
            }
            return t;
        }
    }

    /** BatchNormalization whose backward leaves out the mean term: {@code dx = dxc}, not {@code dxc - Σ dxc / N}. */
    static final class BatchNormalizationWithoutMeanTerm implements Layer {
        private final BatchNormalization bn;
        private final Tensor gamma;
        private Tensor x;

        BatchNormalizationWithoutMeanTerm(BatchNormalizationCase c, long seed) {
            this.bn = c.layer(seed);
            this.gamma = bn.parameters().get(0).value();
        }

        @Override public Tensor forward(Tensor x) {
            this.x = x.reshape(x.dim(0), x.size() / x.dim(0));
            return bn.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            bn.backward(dout);
            int n = x.dim(0);
            int d = x.dim(1);
            double[] mu = new double[d];
            double[] var = new double[d];
            for (int i = 0; i < x.size(); i++) {
                mu[i % d] += x.get(i) / n;
            }
            for (int i = 0; i < x.size(); i++) {
                var[i % d] += (x.get(i) - mu[i % d]) * (x.get(i) - mu[i % d]) / n;
            }
            double[] dstd = new double[d];
            Tensor dxc = Tensor.zeros(n, d);
            for (int i = 0; i < x.size(); i++) {
                double std = Math.sqrt(var[i % d] + BatchNormalization.EPS);
                double dxn = gamma.get(i % d) * dout.get(i);
                dxc.set(i, dxn / std);
                dstd[i % d] -= dxn * (x.get(i) - mu[i % d]) / (std * std);
            }
            for (int i = 0; i < x.size(); i++) {
                double std = Math.sqrt(var[i % d] + BatchNormalization.EPS);
                dxc.set(i, dxc.get(i) + (2.0 / n) * (x.get(i) - mu[i % d]) * 0.5 * dstd[i % d] / std);
            }
            return dxc.reshape(dout.shape());
        }

        @Override public List<Parameter> parameters() {
            return bn.parameters();
        }
    }

    /** Pooling whose backward routes each gradient to the first element of its window instead of the maximum. */
    static final class PoolingToFirstElement implements Layer {
        private final Pooling pooling;
        private final Im2Col im2col;
        private final int poolSize;
        private int[] xShape;

        PoolingToFirstElement(PoolingCase c) {
            this.pooling = c.layer();
            this.im2col = new Im2Col(c.ph(), c.pw(), c.stride(), c.pad());
            this.poolSize = c.ph() * c.pw();
        }

        @Override public Tensor forward(Tensor x) {
            xShape = x.shape();
            return pooling.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            Tensor rows = Im2Col.imagesToRows(dout);
            Tensor dcol = Tensor.zeros(rows.dim(0), rows.dim(1) * poolSize);
            for (int r = 0; r < rows.size(); r++) {
                dcol.set(r * poolSize, rows.get(r));
            }
            return im2col.col2im(dcol, xShape);
        }
    }

    /** Dropout whose backward passes dout through everywhere, dropped elements included. */
    static final class DropoutIgnoringMask implements Layer {
        private final Dropout dropout;

        DropoutIgnoringMask(DropoutCase c, long seed) {
            this.dropout = c.layer(seed);
        }

        @Override public Tensor forward(Tensor x) {
            return dropout.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return dout.copy();
        }
    }

    private static final ConvolutionCase OVERLAPPING = new ConvolutionCase(2, 3, 5, 4, 2, 3, 3, 1, 1);

    @Test
    void convolutionWithCol2imOverwritingFailsOnX() {
        CheckReport report = check(new ConvolutionWithCol2imOverwriting(OVERLAPPING, 42), OVERLAPPING.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        assertFalse(report.tensor("x").orElseThrow().passed(), "dx loses all but one window per element");
        assertTrue(report.tensor("W").orElseThrow().passed(), "dW is still right");
        assertTrue(report.tensor("b").orElseThrow().passed(), "db is still right");
    }

    @Test
    void convolutionWithCol2imOverwritingStillPassesWhenWindowsDoNotOverlap() {
        ConvolutionCase disjoint = new ConvolutionCase(2, 2, 4, 6, 2, 2, 2, 2, 0);
        assertTrue(GradientCheck.check(Checkable.of(new ConvolutionWithCol2imOverwriting(disjoint, 42), disjoint.input(42), 42))
                .passed(), "with stride = filter the bug is invisible: why the checked shapes include stride 1");
    }

    @Test
    void batchNormalizationWithoutMeanTermFailsOnX() {
        BatchNormalizationCase c = new BatchNormalizationCase(4, 3);
        CheckReport report = check(new BatchNormalizationWithoutMeanTerm(c, 42), c.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        TensorReport dx = report.tensor("x").orElseThrow();
        assertEquals(12, dx.failures(), "every element of dx is off by its feature's Σ dxc / N");
        assertTrue(report.tensor("gamma").orElseThrow().passed());
        assertTrue(report.tensor("beta").orElseThrow().passed());
    }

    @Test
    void batchNormalizationWithoutMeanTermFailsOnImages() {
        BatchNormalizationCase c = new BatchNormalizationCase(2, 2, 3, 2);
        CheckReport report = check(new BatchNormalizationWithoutMeanTerm(c, 1), c.input(1));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        assertEquals(List.of(false, true, true), report.tensors().stream().map(TensorReport::passed).toList());
    }

    @Test
    void poolingToFirstElementFailsOnX() {
        PoolingCase c = new PoolingCase(2, 3, 4, 6, 2, 2, 2, 0);
        CheckReport report = check(new PoolingToFirstElement(c), c.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        TensorReport dx = report.tensor("x").orElseThrow();
        assertTrue(dx.failures() > 0, dx.verdict());
        assertEquals(0, dx.skipped(), "random inputs have no ties, so nothing is excused as a kink");
    }

    @Test
    void poolingToFirstElementFailsWithOverlappingWindowsAndPadding() {
        PoolingCase c = new PoolingCase(2, 1, 4, 4, 3, 3, 1, 1);
        CheckReport report = check(new PoolingToFirstElement(c), c.input(1));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
    }

    @Test
    void dropoutIgnoringMaskFailsOnTheDroppedElements() {
        DropoutCase c = new DropoutCase(0.5, 4, 3);
        Dropout reference = c.layer(42);
        reference.forward(c.input(42));
        double[] mask = reference.mask().orElseThrow().data();
        int dropped = (int) Arrays.stream(mask).filter(m -> m == 0).count();

        CheckReport report = check(new DropoutIgnoringMask(c, 42), c.input(42));
        assertEquals(FailureCategory.GRADIENT_MISMATCH, report.category());
        assertTrue(dropped > 0, "the seed drops some elements");
        assertEquals(dropped, report.tensor("x").orElseThrow().failures(), "exactly the dropped elements fail");
    }

    private static CheckReport check(Layer layer, Tensor x) {
        CheckReport report = GradientCheck.check(Checkable.of(layer, x, 42));
        assertFalse(report.passed(), report.describe());
        return report;
    }
}
