package dev.gradcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link CheckListener}s found by {@link ServiceLoader}, loaded on the first check. */
final class CheckListeners {

    private CheckListeners() {
    }

    /** Tells every listener of {@code report}. */
    static void publish(CheckReport report) {
        for (CheckListener listener : Loaded.LISTENERS) {
            listener.onReport(report);
        }
    }

    /** Holder: loads the listeners once, when first needed. */
    private static final class Loaded {
        static final List<CheckListener> LISTENERS = load();

        private static List<CheckListener> load() {
            List<CheckListener> listeners = new ArrayList<>();
            ServiceLoader.load(CheckListener.class).forEach(listeners::add);
            return List.copyOf(listeners);
        }
    }
}
