package dev.gradcheck.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.CheckOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files beside the results: the overview's environment, the categories, the executor that labels the trend. */
class AllureRunFilesTests {

    @TempDir
    Path results;

    @Test
    void theEnvironmentNamesJdkOsVersionAndTheCheckersDefaults() throws IOException {
        AllureRunFiles.write(results, "gradcheck 1.2.3, run 7", 7);
        Properties env = new Properties();
        try (Reader in = Files.newBufferedReader(results.resolve("environment.properties"), StandardCharsets.ISO_8859_1)) {
            env.load(in);
        }
        assertEquals(List.of("JDK", "OS", "default h", "default tolerance", "gradcheck"),
                env.stringPropertyNames().stream().sorted().toList());
        assertEquals(System.getProperty("java.version"), env.getProperty("JDK").split(" ")[0]);
        assertEquals(Double.toString(CheckOptions.DEFAULT_H), env.getProperty("default h"));
        assertEquals(CheckOptions.defaults().tolerance().toString(), env.getProperty("default tolerance"),
                "the '·' survives the ISO-8859-1 file");
    }

    @Test
    void categoriesAndExecutorAreWrittenBeside() throws IOException {
        AllureRunFiles.write(results, "gradcheck \"x\"", 12);
        assertEquals(AllureCategories.json(), Files.readString(results.resolve("categories.json")));
        String executor = Files.readString(results.resolve("executor.json"));
        assertTrue(executor.contains("\"buildName\": \"gradcheck \\\"x\\\"\""), executor);
        assertTrue(executor.contains("\"buildOrder\": 12"), executor);
    }
}
