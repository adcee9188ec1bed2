package dev.gradcheck.check;

/**
 * Why a check failed. Each failure message starts with the category's tag in brackets, so reports
 * (Allure categories) and people can sort failures by their cause.
 */
public enum FailureCategory {
    /** Analytic and numerical gradients disagree beyond the tolerance. */
    GRADIENT_MISMATCH("gradient mismatch"),
    /** A loss, gradient or numerical gradient is NaN or infinite. */
    NON_FINITE("non-finite value"),
    /** The layer broke a rule of the protocol: modified an argument, non-deterministic forward, wrong shape. */
    CONTRACT_BREACH("contract breach"),
    /** The mean |A - N| grew beyond its recorded baseline. */
    BASELINE_REGRESSION("baseline regression"),
    /** The layer threw an exception. */
    LAYER_ERROR("layer error");

    private final String tag;

    FailureCategory(String tag) {
        this.tag = tag;
    }

    /** The words in brackets that open a failure message of this category. */
    public String tag() {
        return tag;
    }
}
