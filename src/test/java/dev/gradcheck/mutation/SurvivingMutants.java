package dev.gradcheck.mutation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads PIT's {@code mutations.xml} and the list of equivalent mutants, and says which mutants of a
 * forward or backward method (or of a net's predict, loss or gradient) were neither killed nor listed,
 * and which listed mutants no longer survive. Run after {@code -Pmutation} by {@code exec:java@pit-survivors}.
 */
public final class SurvivingMutants {

    /** What PIT mutated: {@code Class.method:line  mutator-description}. */
    public record Mutant(String className, String method, int line, String description, String status) {

        /** {@code Sigmoid.sigmoid:44}. */
        public String location() {
            return className + "." + method + ":" + line;
        }

        /** Whether the mutant sits in forward or backward (or a lambda of them), or in a net's predict, loss or gradient. */
        public boolean inForwardOrBackward() {
            return FORWARD_OR_BACKWARD.matcher(method).matches();
        }

        public boolean detected() {
            return status.equals("KILLED") || status.equals("TIMED_OUT") || status.equals("MEMORY_ERROR");
        }
    }

    private static final Pattern FORWARD_OR_BACKWARD = Pattern.compile("(lambda\\$)?(forward|backward|predict|loss|gradient)(\\$\\d+)?");

    private SurvivingMutants() {
    }

    /** Every mutant of the report. */
    public static List<Mutant> read(Path report) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(report.toFile());
            NodeList nodes = doc.getElementsByTagName("mutation");
            List<Mutant> mutants = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element m = (Element) nodes.item(i);
                String cls = text(m, "mutatedClass");
                mutants.add(new Mutant(cls.substring(cls.lastIndexOf('.') + 1), text(m, "mutatedMethod"),
                        Integer.parseInt(text(m, "lineNumber")), text(m, "description"), m.getAttribute("status")));
            }
            return mutants;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(report + ": not a PIT mutations report: " + e.getMessage(), e);
        }
    }

    /** The listed equivalents: location and mutator description, keyed as {@code location  description}. */
    public static Map<String, String> equivalents(Path file) throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int reason = line.indexOf("--");
            String[] parts = reason < 0 ? new String[0] : line.substring(0, reason).trim().split("\\s{2,}");
            if (parts.length != 2 || line.substring(reason + 2).isBlank()) {
                throw new IOException(file + ":" + n + ": expected 'Class.method:line  mutator  -- reason', got '" + line + "'");
            }
            listed.put(parts[0] + "  " + parts[1], line.substring(reason + 2).trim());
        }
        return listed;
    }

    /** Problems: forward/backward mutants neither detected nor listed, and listed ones that are detected or gone. */
    public static List<String> problems(List<Mutant> mutants, Map<String, String> equivalents) {
        List<String> problems = new ArrayList<>();
        Map<String, Mutant> undetected = new LinkedHashMap<>();
        for (Mutant m : mutants) {
            if (!m.detected()) {
                undetected.put(m.location() + "  " + m.description(), m);
            }
        }
        undetected.forEach((key, m) -> {
            if (m.inForwardOrBackward() && !equivalents.containsKey(key)) {
                problems.add(m.status() + " in " + m.method() + ", not listed as equivalent: " + key);
            }
        });
        equivalents.keySet().stream().filter(key -> !undetected.containsKey(key))
                .forEach(key -> problems.add("listed as equivalent but not a surviving mutant: " + key));
        return problems;
    }

    /** args: the report and the list; fails (exit status 1) with the problems. */
    public static void main(String[] args) throws IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "target/pit-reports/mutations.xml");
        Path list = Path.of(args.length > 1 ? args[1] : "src/test/pit/equivalent-mutants.txt");
        List<Mutant> mutants = read(report);
        List<String> problems = problems(mutants, equivalents(list));
        long detected = mutants.stream().filter(Mutant::detected).count();
        System.out.printf("PIT: %d of %d mutants detected; %d listed as equivalent%n", detected, mutants.size(),
                equivalents(list).size());
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("  " + p));
            throw new IllegalStateException(problems.size() + " disagreement(s) between PIT's survivors in forward and "
                    + "backward methods and the equivalents listed in " + list + " (see above)");
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
