package dev.gradcheck.report.allure;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what an Allure lifecycle writes in memory, for tests that read it back. */
final class RecordingResultsWriter implements AllureResultsWriter {

    final List<TestResult> tests = new CopyOnWriteArrayList<>();
    final List<TestResultContainer> containers = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> attachments = new ConcurrentHashMap<>();

    @Override
    public void write(TestResult testResult) {
        tests.add(testResult);
    }

    @Override
    public void write(TestResultContainer testResultContainer) {
        containers.add(testResultContainer);
    }

    @Override
    public void write(String source, InputStream attachment) {
        try {
            attachments.put(source, attachment.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
