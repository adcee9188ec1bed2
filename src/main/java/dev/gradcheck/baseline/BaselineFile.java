package dev.gradcheck.baseline;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The text format of one unit's baseline file: a header naming the unit, then one line per
 * checked tensor, sorted by key, so a re-recording shows in a diff as the lines that changed.
 *
 * <pre>
 * # gradcheck baselines: Affine
 * x(2,9),W(9,5),seed=42/W mean=4.2524317400705060e-13 max=7.6139095028793240e-13 n=45 h=1.0000000000000000e-04 scale=3.0e+01
 * </pre>
 *
 * Numbers carry 17 significant digits, which read back to the same double. Reading is strict: the
 * header must name the file's unit, every line must have each field once and nothing else, numbers
 * must be plain decimals (no NaN, Infinity, hex or suffixes), keys must be unique, and the file
 * must stay under {@link #MAX_BYTES}. Any breach throws a {@link BaselineFileException} naming the
 * file and line.
 */
final class BaselineFile {

    /** Largest file read: about 7,000 lines, far beyond any unit's checks, and small enough to parse at once. */
    static final long MAX_BYTES = 1 << 20;

    /** Longest line read. */
    static final int MAX_LINE = 1000;

    static final String HEADER = "# gradcheck baselines: ";

    private static final List<String> FIELDS = List.of("mean", "max", "n", "h", "scale");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_+.,()=-]{1," + CheckId.MAX_CASE_LENGTH + "}/[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    private BaselineFile() {
    }

    /** The entries of {@code file}, keyed and sorted by key; fails on anything it cannot trust. */
    static SortedMap<String, Baseline> read(Path file, String unit) {
        String text = decode(file);
        String[] lines = text.split("\n", -1);
        if (!strip(lines[0]).equals(HEADER + unit)) {
            throw new BaselineFileException(file, 1, "expected the header '" + HEADER + unit + "' but found '"
                    + abbreviate(strip(lines[0])) + "'");
        }
        SortedMap<String, Baseline> entries = new TreeMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = strip(lines[i]).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Baseline b = parseLine(file, i + 1, line);
            Integer first = lineOf.putIfAbsent(b.key(), i + 1);
            if (first != null) {
                throw new BaselineFileException(file, i + 1, "duplicate key " + b.key() + " (first on line " + first + ")");
            }
            entries.put(b.key(), b);
        }
        return entries;
    }

    /** The file's text for {@code unit}'s entries, sorted by key. */
    static String format(String unit, Collection<Baseline> entries) {
        StringBuilder s = new StringBuilder(HEADER).append(unit).append('\n')
                .append("# <case>/<tensor>, then: mean |A - N| of the gradient check, max |A - N|, elements compared (n),\n")
                .append("# step (h) and loss scale S. The build fails when mean grows by more than ")
                .append(trim(BaselinePolicy.GROWTH_ALLOWANCE)).append(" * ulp(S)/h.\n")
                .append("# Written by: mvn -B verify -D").append(BaselineMode.PROPERTY).append("=record (README, \"Baselines\").\n");
        TreeMap<String, Baseline> sorted = new TreeMap<>();
        entries.forEach(b -> sorted.put(b.key(), b));
        for (Baseline b : sorted.values()) {
            s.append(b.key())
                    .append(" mean=").append(number(b.meanAbsDiff()))
                    .append(" max=").append(number(b.maxAbsDiff()))
                    .append(" n=").append(b.elements())
                    .append(" h=").append(number(b.h()))
                    .append(" scale=").append(number(b.lossScale()))
                    .append('\n');
        }
        return s.toString();
    }

    /** The exact value rounded to 17 significant digits (enough for any double), checked to read back to the same bits. */
    static String number(double v) {
        String text = String.format(Locale.ROOT, "%.16e", new BigDecimal(v));
        if (Double.doubleToLongBits(Double.parseDouble(text)) != Double.doubleToLongBits(v)) {
            throw new IllegalStateException("17 significant digits did not round-trip for " + v + ": " + text);
        }
        return text;
    }

    private static Baseline parseLine(Path file, int lineNo, String line) {
        if (line.length() > MAX_LINE) {
            throw new BaselineFileException(file, lineNo, "line is " + line.length() + " characters long, more than "
                    + MAX_LINE);
        }
        String[] tokens = line.split("[ \t]+");
        if (!KEY.matcher(tokens[0]).matches()) {
            throw new BaselineFileException(file, lineNo, "'" + abbreviate(tokens[0])
                    + "' is not a key <case>/<tensor> (case: A-Z a-z 0-9 _ - + . , ( ) =; tensor: a name)");
        }
        Map<String, String> fields = new HashMap<>();
        for (int t = 1; t < tokens.length; t++) {
            int eq = tokens[t].indexOf('=');
            String name = eq < 0 ? tokens[t] : tokens[t].substring(0, eq);
            if (eq < 0 || !FIELDS.contains(name)) {
                throw new BaselineFileException(file, lineNo, "unexpected '" + abbreviate(tokens[t]) + "'; a line has "
                        + String.join("=, ", FIELDS) + "= and nothing else");
            }
            if (fields.put(name, tokens[t].substring(eq + 1)) != null) {
                throw new BaselineFileException(file, lineNo, "field " + name + " appears twice");
            }
        }
        for (String name : FIELDS) {
            if (!fields.containsKey(name)) {
                throw new BaselineFileException(file, lineNo, "field " + name + "= is missing");
            }
        }
        try {
            return new Baseline(tokens[0], decimal(file, lineNo, "mean", fields), decimal(file, lineNo, "max", fields),
                    count(file, lineNo, fields.get("n")), decimal(file, lineNo, "h", fields),
                    decimal(file, lineNo, "scale", fields));
        } catch (IllegalArgumentException e) {
            throw new BaselineFileException(file, lineNo, e.getMessage());
        }
    }

    private static double decimal(Path file, int lineNo, String name, Map<String, String> fields) {
        String text = fields.get(name);
        if (!DECIMAL.matcher(text).matches()) {
            throw new BaselineFileException(file, lineNo, name + " is not a decimal number: '" + abbreviate(text) + "'");
        }
        return Double.parseDouble(text);
    }

    private static int count(Path file, int lineNo, String text) {
        if (!COUNT.matcher(text).matches()) {
            throw new BaselineFileException(file, lineNo, "n is not a whole number: '" + abbreviate(text) + "'");
        }
        return Integer.parseInt(text);
    }

    private static String decode(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BaselineFileException(file, 0, "file is " + size + " bytes, more than the " + MAX_BYTES
                        + " a baseline file may have");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BaselineFileException(file, 0, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BaselineFileException(file, 0, "cannot be read: " + e, e);
        }
    }

    /** The line without a Windows line end. */
    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
