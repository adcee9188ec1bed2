package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;

/** The guard an exact oracle passes before it is trusted: its forward-mode twin computes forward's values. */
final class Twins {

    /** Relative difference allowed between the twin's values and forward's: a few ulps of different exp/log routes. */
    static final double RELATIVE = 1e-12;

    private Twins() {
    }

    /** Fails, naming the element, unless every twin value equals forward's to within {@link #RELATIVE}. */
    static void requireSameValues(Tensor twin, Tensor forward, String layer) {
        for (int i = 0; i < forward.size(); i++) {
            double a = twin.get(i), b = forward.get(i);
            if (!(Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(b)))) {
                throw new IllegalStateException(layer + ": its forward-mode twin gives " + a + " at " + forward.indexString(i)
                        + " where forward gives " + b + ": the oracle would describe another function");
            }
        }
    }
}
