package dev.gradcheck.report.allure;

import dev.gradcheck.check.CheckOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The files Allure reads beside the test results: {@code environment.properties} (the overview's
 * Environment: JDK, OS, gradcheck version, the checker's defaults), {@code categories.json}
 * ({@link AllureCategories}) and {@code executor.json} (the build's name and number, which label
 * the trend graphs).
 */
final class AllureRunFiles {

    /** System property naming gradcheck's version in the environment; else the jar's manifest. */
    static final String VERSION_PROPERTY = "gradcheck.version";

    private AllureRunFiles() {
    }

    /** Writes the three files into {@code results}. */
    static void write(Path results, String buildName, long buildOrder) {
        write(results.resolve("environment.properties"), environmentBytes());
        write(results.resolve("categories.json"), AllureCategories.json().getBytes(StandardCharsets.UTF_8));
        write(results.resolve("executor.json"), String.format(Locale.ROOT,
                "{\"name\": \"Maven\", \"type\": \"maven\", \"buildName\": %s, \"buildOrder\": %d}%n",
                Json.string(buildName), buildOrder).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The environment shown on the overview: the five entries its widget shows without "Show all".
     * The tolerance string carries atol, rtol and the rounding allowance.
     */
    static Map<String, String> environment() {
        CheckOptions defaults = CheckOptions.defaults();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JDK", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        env.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("gradcheck", version());
        env.put("default h", Double.toString(defaults.h()));
        env.put("default tolerance", defaults.tolerance().toString());
        return env;
    }

    static String version() {
        String version = System.getProperty(VERSION_PROPERTY);
        if (version == null) {
            version = AllureRunFiles.class.getPackage().getImplementationVersion();
        }
        return version == null ? "unknown" : version;
    }

    /** The environment as a properties file: ASCII, other characters escaped as Properties.load reads them. */
    private static byte[] environmentBytes() {
        Properties properties = new Properties();
        environment().forEach(properties::setProperty);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            properties.store(bytes, "gradcheck test run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
