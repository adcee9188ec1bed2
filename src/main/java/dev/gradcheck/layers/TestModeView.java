package dev.gradcheck.layers;

import dev.gradcheck.tensor.Tensor;
import java.util.List;

/** A {@link TrainFlagLayer} whose forward always runs in test mode; parameters and backward are the layer's own. */
final class TestModeView implements Layer {

    private final TrainFlagLayer layer;

    TestModeView(TrainFlagLayer layer) {
        this.layer = layer;
    }

    @Override
    public Tensor forward(Tensor x) {
        return layer.forward(x, false);
    }

    @Override
    public Tensor backward(Tensor dout) {
        return layer.backward(dout);
    }

    @Override
    public List<Parameter> parameters() {
        return layer.parameters();
    }

    @Override
    public String name() {
        return layer.name() + "(test mode)";
    }
}
