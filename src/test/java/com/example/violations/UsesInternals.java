package com.example.violations;

import dev.gradcheck.layers.Relu;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.CaseFormat;

/** Code that reaches past the public API: the ArchUnit rule must reject it ({@code PublicApiTests}). Never run. */
final class UsesInternals {

    private UsesInternals() {
    }

    static String internals(Tensor x) {
        return CaseFormat.values(TensorOps.scale(new Relu().forward(x), 2));
    }
}
