package dev.gradcheck.layers;

/** AddLayer over random shapes and values. */
class AddLayerProperties extends BinaryLayerPropertyContract {

    @Override
    BinaryLayer newLayer() {
        return new AddLayer();
    }
}
