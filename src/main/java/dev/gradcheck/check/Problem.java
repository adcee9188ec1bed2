package dev.gradcheck.check;

/**
 * One reason a check failed, with its category and a message that names the tensor, index or step.
 *
 * @param cause the layer's exception, or null
 */
public record Problem(FailureCategory category, String message, Throwable cause) {

    public Problem(FailureCategory category, String message) {
        this(category, message, null);
    }

    /** {@code [category] message}. */
    public String describe() {
        return "[" + category.tag() + "] " + message;
    }
}
