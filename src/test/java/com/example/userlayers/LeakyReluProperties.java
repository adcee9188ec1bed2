package com.example.userlayers;

import static dev.gradcheck.testkit.GradCheckArbitraries.layerCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.tensors;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;

import dev.gradcheck.testkit.LayerCase;
import dev.gradcheck.testkit.LayerProperties;
import dev.gradcheck.testkit.Layers;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/** The user's LeakyRelu over random shapes and values at least 1e-2 (100 h) from its kink: the property contract. */
class LeakyReluProperties implements LayerProperties {

    @Override
    @Provide
    public Arbitrary<LayerCase> cases() {
        return layerCases(() -> {
            LeakyRelu relu = new LeakyRelu(0.01);
            return Layers.fromArrays("LeakyRelu", relu::forward, relu::backward);
        }, tensors(4, 6, values().between(-3, 3).awayFromZero(1e-2)));
    }
}
