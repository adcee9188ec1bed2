package dev.gradcheck.report.allure;

import dev.gradcheck.check.FailureCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Allure's failure categories, one per {@link FailureCategory} and one for every other failure,
 * matched on the tag in brackets that opens gradcheck's failure messages. A message is filed under
 * the first tag it carries (a report lists its headline's tag first), so each failure lands in
 * exactly one category. Allure matches {@code messageRegex} against the whole message, with
 * {@link Pattern#DOTALL}.
 */
final class AllureCategories {

    /** Name of the category of failures that carry no gradcheck tag. */
    static final String OTHER = "Other failures and errors";

    /** One category: its name, the regex, the statuses it applies to. */
    record Category(String name, String messageRegex, List<String> statuses) {

        /** Whether Allure files a result with this status and message under this category. */
        boolean matches(String status, String message) {
            return statuses.contains(status)
                    && Pattern.compile(messageRegex, Pattern.DOTALL).matcher(message == null ? "" : message).matches();
        }
    }

    private AllureCategories() {
    }

    static List<Category> all() {
        String anyTag = Arrays.stream(FailureCategory.values()).map(c -> Pattern.quote("[" + c.tag() + "]"))
                .collect(Collectors.joining("|"));
        String noTagYet = "(?:(?!" + anyTag + ").)*";
        List<Category> categories = new ArrayList<>();
        for (FailureCategory c : FailureCategory.values()) {
            categories.add(new Category(title(c.tag()), noTagYet + Pattern.quote("[" + c.tag() + "]") + ".*",
                    List.of("failed", "broken")));
        }
        categories.add(new Category(OTHER, noTagYet, List.of("failed", "broken")));
        return categories;
    }

    /** categories.json. */
    static String json() {
        return all().stream().map(c -> String.format(Locale.ROOT,
                "  {\"name\": %s, \"messageRegex\": %s, \"matchedStatuses\": [%s]}", Json.string(c.name()),
                Json.string(c.messageRegex()), c.statuses().stream().map(Json::string).collect(Collectors.joining(", "))))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static String title(String tag) {
        return Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
    }
}
