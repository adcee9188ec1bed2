package dev.gradcheck.baseline;

/**
 * Whether the gate compares with the recorded baselines or records new ones, chosen by the system
 * property {@value #PROPERTY}: unset or {@code compare} compares, {@code record} records.
 */
public enum BaselineMode {
    /** Compare each mean |A - N| with its baseline; a missing or grown one fails. Never writes. */
    COMPARE,
    /** Write each mean |A - N| as the new baseline (new, grown or shrunk alike). */
    RECORD;

    /** {@code -Dgradcheck.baselines=record} records; surefire passes it on to the forked test JVM. */
    public static final String PROPERTY = "gradcheck.baselines";

    /** The mode the system property asks for; fails on any other value, so a typo never records silently. */
    public static BaselineMode fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "").trim();
        return switch (value) {
            case "", "compare" -> COMPARE;
            case "record" -> RECORD;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
                    + ": expected 'record' (write baselines) or 'compare' (the default)");
        };
    }
}
