package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;

/**
 * A layer that computes differently in training and at test time, selected by the book's
 * {@code train_flg}: Dropout and BatchNormalization. {@link #forward(Tensor)} is training mode, the
 * book's default; {@link #backward} differentiates whichever mode the last forward ran in.
 */
public interface TrainFlagLayer extends Layer {

    /** @param x input; not modified. @param trainFlg true for training, false for test time. @return a new tensor. */
    Tensor forward(Tensor x, boolean trainFlg);

    /** Training mode: {@code forward(x, true)}. */
    @Override
    default Tensor forward(Tensor x) {
        return forward(x, true);
    }

    /** This layer seen as a plain {@link Layer} whose forward runs in test mode, e.g. to gradient-check that mode. */
    default Layer inTestMode() {
        return new TestModeView(this);
    }
}
