package dev.gradcheck.layers;

/** The default names of layers in reports: the class's simple name, or for an anonymous class its binary name. */
final class LayerNames {

    private LayerNames() {
    }

    /** {@code Affine}; {@code ContractTests$5} for an anonymous class, whose simple name is empty. */
    static String of(Object layer) {
        String simple = layer.getClass().getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String binary = layer.getClass().getName();
        return binary.substring(binary.lastIndexOf('.') + 1);
    }
}
