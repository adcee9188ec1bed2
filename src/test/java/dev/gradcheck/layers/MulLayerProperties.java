package dev.gradcheck.layers;

/** MulLayer over random shapes and values. */
class MulLayerProperties extends BinaryLayerPropertyContract {

    @Override
    BinaryLayer newLayer() {
        return new MulLayer();
    }
}
