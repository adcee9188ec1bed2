package dev.gradcheck.baseline;

/**
 * Receives every comparison the gate makes, passed or failed, before the gate throws: the hook for
 * reporters (an Allure reporter showing recorded against current values). Implementations are
 * found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.gradcheck.baseline.BaselineListener}.
 */
public interface BaselineListener {

    /** Called once per checked tensor, in the check's order. */
    void onComparison(BaselineComparison comparison);
}
