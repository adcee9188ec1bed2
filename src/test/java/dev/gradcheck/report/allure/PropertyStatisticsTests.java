package dev.gradcheck.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** jqwik's report of a property is read into named statistics. */
class PropertyStatisticsTests {

    /** As jqwik 1.9.3 publishes it (the value of the entry keyed by the property). */
    private static final String REPORT = """

                                  |-----------------------jqwik-----------------------
            tries = 20                    | # of calls to property
            checks = 20                   | # of not rejected calls
            generation = RANDOMIZED       | parameters are randomly generated
            after-failure = SAMPLE_FIRST  | try previously failed sample, then previous seed
            when-fixed-seed = ALLOW       | fixing the random seed is allowed
            edge-cases#mode = MIXIN       | edge cases are mixed in
            edge-cases#total = 4          | # of all combined edge cases
            edge-cases#tried = 3          | # of edge cases tried in current run
            seed = -532283708638827477    | random seed to reproduce generated values
            """;

    @Test
    void triesChecksAndSeedAreRead() {
        Map<String, String> statistics = PropertyStatistics.parse(REPORT);
        assertEquals("20", statistics.get("tries"));
        assertEquals("20", statistics.get("checks"));
        assertEquals("-532283708638827477", statistics.get("seed"));
        assertEquals("RANDOMIZED", statistics.get("generation"));
        assertEquals("3", statistics.get("edge-cases#tried"));
        assertEquals(9, statistics.size());
    }

    @Test
    void otherEntriesAreIgnored() {
        assertTrue(PropertyStatistics.parse("key = value | not jqwik's").isEmpty());
        assertTrue(PropertyStatistics.parse(null).isEmpty());
    }
}
