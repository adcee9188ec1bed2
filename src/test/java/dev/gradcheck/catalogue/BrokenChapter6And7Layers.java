package dev.gradcheck.catalogue;

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
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** The layers of chapters 6 and 7 with one realistic bug each. */
public final class BrokenChapter6And7Layers {

    private BrokenChapter6And7Layers() {
    }

    /** Convolution whose col2im writes each entry over the previous one instead of adding: overlapping windows are lost. */
    public static final class ConvolutionWithCol2imOverwriting implements Layer {
        private final Convolution conv;
        private final Tensor W;
        private final Im2Col im2col;
        private int[] xShape;

        public ConvolutionWithCol2imOverwriting(ConvolutionCase c, long seed) {
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
    public static final class BatchNormalizationWithoutMeanTerm implements Layer {
        private final BatchNormalization bn;
        private final Tensor gamma;
        private Tensor x;

        public BatchNormalizationWithoutMeanTerm(BatchNormalizationCase c, long seed) {
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
    public static final class PoolingToFirstElement implements Layer {
        private final Pooling pooling;
        private final Im2Col im2col;
        private final int poolSize;
        private int[] xShape;

        public PoolingToFirstElement(PoolingCase c) {
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
    public static final class DropoutIgnoringMask implements Layer {
        private final Dropout dropout;

        public DropoutIgnoringMask(DropoutCase c, long seed) {
            this.dropout = c.layer(seed);
        }

        @Override public Tensor forward(Tensor x) {
            return dropout.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            return dout.copy();
        }
    }

    /** The book's Dropout: a new mask on every forward, drawn from a generator it keeps. */
    public static final class DropoutWithNewMaskEveryForward implements Layer {
        private final double ratio;
        private final RandomGenerator random;
        private Tensor mask;

        public DropoutWithNewMaskEveryForward(DropoutCase c, long seed) {
            this.ratio = c.ratio();
            this.random = new Well19937c(seed + 1);
        }

        @Override public Tensor forward(Tensor x) {
            mask = Tensor.zerosLike(x);
            for (int i = 0; i < mask.size(); i++) {
                mask.set(i, random.nextDouble() > ratio ? 1.0 : 0.0);
            }
            return TensorOps.multiply(x, mask);
        }

        @Override public Tensor backward(Tensor dout) {
            return TensorOps.multiply(dout, mask);
        }
    }

    /**
     * Inverted dropout (scaling by 1/(1 - ratio) in training) whose test-mode forward returns x itself:
     * the output is the input's array.
     */
    public static final class InvertedDropoutReturningInputInTestMode implements Layer {
        @Override public Tensor forward(Tensor x) {
            return x;
        }

        @Override public Tensor backward(Tensor dout) {
            return dout.copy();
        }
    }

    /** BatchNormalization whose dgamma forgets the normalised input: {@code Σ dout} instead of {@code Σ dout·x̂}. */
    public static final class BatchNormalizationGammaGradientWithoutNormalisedInput implements Layer {
        private final BatchNormalization bn;

        public BatchNormalizationGammaGradientWithoutNormalisedInput(BatchNormalizationCase c, long seed) {
            this.bn = c.layer(seed);
        }

        @Override public Tensor forward(Tensor x) {
            return bn.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            Tensor dx = bn.backward(dout);
            bn.parameters().get(0).setGrad(TensorOps.sumRows(dout.reshape(dout.dim(0), dout.size() / dout.dim(0))));
            return dx;
        }

        @Override public List<Parameter> parameters() {
            return bn.parameters();
        }
    }

    /**
     * BatchNormalization in test mode whose backward reads the centred batch that, as in the book's
     * layer, only a training forward stores: after a test-mode forward there is none.
     */
    public static final class BatchNormalizationBackwardWithoutTestModeCache implements Layer {
        private final BatchNormalization bn;
        private Tensor xc;

        public BatchNormalizationBackwardWithoutTestModeCache(BatchNormalization bn) {
            this.bn = bn;
        }

        @Override public Tensor forward(Tensor x) {
            return bn.forward(x, false);
        }

        @Override public Tensor backward(Tensor dout) {
            int n = xc.dim(0);
            return TensorOps.scale(bn.backward(dout), n / (double) n);
        }

        @Override public List<Parameter> parameters() {
            return bn.parameters();
        }
    }

    /** Convolution whose db sums dout over the batch at the first output position only, not over every position. */
    public static final class ConvolutionBiasFromFirstPositionOnly implements Layer {
        private final Convolution conv;

        public ConvolutionBiasFromFirstPositionOnly(ConvolutionCase c, long seed) {
            this.conv = c.layer(seed);
        }

        @Override public Tensor forward(Tensor x) {
            return conv.forward(x);
        }

        @Override public Tensor backward(Tensor dout) {
            Tensor dx = conv.backward(dout);
            int n = dout.dim(0), filters = dout.dim(1), positions = dout.dim(2) * dout.dim(3);
            Tensor db = Tensor.zeros(filters);
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < filters; f++) {
                    db.set(f, db.get(f) + dout.get((i * filters + f) * positions));
                }
            }
            conv.parameters().get(1).setGrad(db);
            return dx;
        }

        @Override public List<Parameter> parameters() {
            return conv.parameters();
        }
    }
}
