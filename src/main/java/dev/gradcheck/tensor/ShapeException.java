package dev.gradcheck.tensor;

/** A tensor has a shape that the operation or layer it was given to cannot accept. */
public class ShapeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
