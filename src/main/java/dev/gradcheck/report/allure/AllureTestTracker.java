package dev.gradcheck.report.allure;

import io.qameta.allure.Allure;
import io.qameta.allure.listener.FixtureLifecycleListener;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Follows Allure's tests and set-up fixtures on each thread, so the reporter knows where a check
 * belongs: labels and parameters go to a running test, steps and attachments to a test or a
 * fixture (a check in {@code @BeforeAll} shows under "Set up" of each test of its class). Allure
 * finds it with {@link java.util.ServiceLoader} (as a test and as a fixture listener, two instances
 * sharing the per-thread state); it is only ever loaded by Allure.
 */
public final class AllureTestTracker implements TestLifecycleListener, FixtureLifecycleListener {

    /** Tests and fixtures running on this thread, innermost first. */
    private static final ThreadLocal<Deque<RunningTest>> RUNNING = ThreadLocal.withInitial(ArrayDeque::new);

    /**
     * The test or fixture running on this thread in Allure's current lifecycle, if any: the
     * innermost one followed, provided the lifecycle's context on this thread is rooted in it.
     */
    static Optional<RunningTest> current() {
        RunningTest top = RUNNING.get().peek();
        Optional<String> root = Allure.getLifecycle().getCurrentTestCase();
        return top != null && root.isPresent() && root.get().equals(top.uuid()) ? Optional.of(top) : Optional.empty();
    }

    @Override
    public void afterTestStart(TestResult result) {
        RUNNING.get().push(RunningTest.test(result.getUuid(), result.getHistoryId(), label(result, "testClass"),
                label(result, "testMethod")));
    }

    @Override
    public void beforeTestStop(TestResult result) {
        RunningTest top = RUNNING.get().peek();
        if (top != null && result.getUuid().equals(top.uuid())) {
            AllureSink.current().testFinishing(top);
            RUNNING.get().pop();
        }
    }

    @Override
    public void afterFixtureStart(FixtureResult result) {
        Allure.getLifecycle().getCurrentTestCase()
                .ifPresent(uuid -> RUNNING.get().push(RunningTest.fixture(uuid, result.getName())));
    }

    @Override
    public void beforeFixtureStop(FixtureResult result) {
        RunningTest top = RUNNING.get().peek();
        Optional<String> root = Allure.getLifecycle().getCurrentTestCase();
        if (top != null && top.isFixture() && root.isPresent() && root.get().equals(top.uuid())) {
            RUNNING.get().pop();
        }
    }

    private static String label(TestResult result, String name) {
        return result.getLabels().stream().filter(l -> name.equals(l.getName())).map(Label::getValue)
                .findFirst().orElse(null);
    }
}
