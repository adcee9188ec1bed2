package dev.gradcheck.report.allure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics jqwik reports for a property ("tries = 100 | # of calls to property", "seed = ..."),
 * read from the value of its report entry.
 */
final class PropertyStatistics {

    /** The banner line jqwik puts above its statistics. */
    private static final String BANNER = "-jqwik-";

    /** {@code name = value | description}. */
    private static final Pattern LINE = Pattern.compile("^\\s*([\\w#-]+)\\s*=\\s*(.*?)\\s*\\|.*$", Pattern.MULTILINE);

    private PropertyStatistics() {
    }

    /** Name to value of every statistic in {@code text}; empty if it is not jqwik's report. */
    static Map<String, String> parse(String text) {
        Map<String, String> statistics = new LinkedHashMap<>();
        if (text == null || !text.contains(BANNER)) {
            return statistics;
        }
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            statistics.put(m.group(1), m.group(2));
        }
        return statistics;
    }
}
