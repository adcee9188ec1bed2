package dev.gradcheck.check;

/**
 * Receives every {@link CheckReport} that {@link GradientCheck#check} produces, passed or failed,
 * before the caller sees it: the hook for reports (the Allure adapter in
 * {@code dev.gradcheck.report.allure} shows each check's tensors, metrics and heat maps).
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.gradcheck.check.CheckListener}. They are called on the thread that
 * ran the check; an exception thrown by a listener propagates to that caller.
 */
public interface CheckListener {

    /** Called once per check, with the finished report; never {@code null}. */
    void onReport(CheckReport report);
}
