package dev.gradcheck.report.allure;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Allure steps with a status of their own (a check that failed as expected still shows red) and
 * named parameters, nested under whatever test, fixture or step is current on this thread.
 */
final class Steps {

    private Steps() {
    }

    /** Runs {@code body} inside a step named {@code name}; an exception in it marks the step broken and propagates. */
    static void step(String name, Status status, List<Parameter> parameters, Runnable body) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        lifecycle.startStep(uuid, new StepResult().setName(name).setParameters(new ArrayList<>(parameters)));
        Status finalStatus = Status.BROKEN;
        try {
            body.run();
            finalStatus = status;
        } finally {
            Status s = finalStatus;
            lifecycle.updateStep(uuid, step -> step.setStatus(s));
            lifecycle.stopStep(uuid);
        }
    }

    /** A step with no body. */
    static void step(String name, Status status, List<Parameter> parameters) {
        step(name, status, parameters, () -> { });
    }

    static Parameter parameter(String name, Object value) {
        return new Parameter().setName(name).setValue(String.valueOf(value));
    }

    /** Attaches text to the current test, fixture or step. */
    static void attach(String name, String type, String extension, String content) {
        Allure.getLifecycle().addAttachment(name, type, extension, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Attaches a PNG image to the current test, fixture or step. */
    static void attachPng(String name, byte[] png) {
        Allure.getLifecycle().addAttachment(name, "image/png", "png", png);
    }
}
