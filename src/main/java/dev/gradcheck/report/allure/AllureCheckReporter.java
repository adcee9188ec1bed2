package dev.gradcheck.report.allure;

import dev.gradcheck.baseline.BaselineComparison;
import dev.gradcheck.baseline.BaselineListener;
import dev.gradcheck.check.CheckListener;
import dev.gradcheck.check.CheckReport;

/**
 * Shows every gradient check and every baseline comparison in the Allure report of the running
 * test: labels (epic {@code gradcheck}, the layer or net as feature, the kind of check as story),
 * parameters, a step per checked tensor with its metrics and verdict, and attachments (metrics
 * table, heat map of |A - N|, worst elements, the book's table for a net, the baseline gate's
 * recorded and current values).
 *
 * <p>Registered for {@link java.util.ServiceLoader} as a {@link CheckListener} and a
 * {@link BaselineListener}. Allure is an optional dependency: without it on the class path this
 * listener does nothing and loads no Allure class.
 */
public final class AllureCheckReporter implements CheckListener, BaselineListener {

    @Override
    public void onReport(CheckReport report) {
        AllureSink.current().check(report);
    }

    @Override
    public void onComparison(BaselineComparison comparison) {
        AllureSink.current().comparison(comparison);
    }
}
