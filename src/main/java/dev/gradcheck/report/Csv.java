package dev.gradcheck.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Rows of comma-separated values (RFC 4180): fields with a comma, quote or line break are quoted. */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    /** Appends one row. */
    public Csv row(Object... fields) {
        text.append(List.of(fields).stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A double with 6 significant digits, as {@code 1.234560e-13}; NaN and infinities spelled out. */
    public static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6e", v) : Double.toString(v);
    }

    private static String field(Object value) {
        String s = String.valueOf(value);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
