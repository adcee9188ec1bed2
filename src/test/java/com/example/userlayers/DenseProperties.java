package com.example.userlayers;

import dev.gradcheck.testkit.GradCheckArbitraries;
import dev.gradcheck.testkit.LayerCase;
import dev.gradcheck.testkit.LayerProperties;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/** The user's Dense over random shapes and values (batch, in and out in 1..4, values in [-2, 2]): the property contract. */
class DenseProperties implements LayerProperties {

    @Override
    @Provide
    public Arbitrary<LayerCase> cases() {
        return GradCheckArbitraries.affineCases(DenseTests::dense, 4, 4, 4, GradCheckArbitraries.values().between(-2, 2));
    }
}
