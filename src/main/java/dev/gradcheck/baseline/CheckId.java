package dev.gradcheck.baseline;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The stable name of one gradient check: the unit (layer or net) and the case (shapes, seed and
 * whatever else fixes the inputs), such as {@code Affine} and {@code x(2,9),W(9,5),seed=42}.
 *
 * <p>The unit names the baseline file ({@code Affine.txt}), the case and a tensor name form the key
 * of a line in it ({@code x(2,9),W(9,5),seed=42/W}). Both are validated so that an id can never
 * name a file outside the baseline directory, collide with another unit's file, or break a line:
 * a unit is a letter followed by letters, digits, {@code _} or {@code -} (no dots, no separators);
 * a case uses letters, digits and {@code _ - + . , ( ) =} only.
 *
 * <p>Build one part by part, in a fixed order, so the same check always gets the same id:
 * {@code CheckId.of("Affine").shape("x", 2, 9).shape("W", 9, 5).seed(42)}.
 *
 * @param unit     the layer or net, as its file is named
 * @param caseName what distinguishes this check from the unit's other checks; empty until a part is added
 */
public record CheckId(String unit, String caseName) {

    /** Longest unit name: file names stay short on every file system. */
    public static final int MAX_UNIT_LENGTH = 64;

    /** Longest case name. */
    public static final int MAX_CASE_LENGTH = 200;

    private static final Pattern UNIT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern CASE = Pattern.compile("[A-Za-z0-9_+.,()=-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_+.-]+");

    public CheckId {
        if (unit == null || !UNIT.matcher(unit).matches() || unit.length() > MAX_UNIT_LENGTH) {
            throw new IllegalArgumentException("check id: unit " + quote(unit) + " must be a letter followed by at most "
                    + (MAX_UNIT_LENGTH - 1) + " letters, digits, '_' or '-' (it names the file <unit>.txt)");
        }
        if (caseName == null || !CASE.matcher(caseName).matches() || caseName.length() > MAX_CASE_LENGTH) {
            throw new IllegalArgumentException("check id " + unit + ": case " + quote(caseName) + " must be at most "
                    + MAX_CASE_LENGTH + " of the characters A-Z a-z 0-9 _ - + . , ( ) =");
        }
    }

    /** An id for {@code unit} with an empty case; add parts with {@link #shape}, {@link #seed} and {@link #with}. */
    public static CheckId of(String unit) {
        return new CheckId(unit, "");
    }

    /** This id with {@code name(d0,d1,...)} appended to the case. */
    public CheckId shape(String name, int... shape) {
        requireName(name);
        return append(name + Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(",", "(", ")")));
    }

    /** This id with {@code seed=N} appended to the case. */
    public CheckId seed(long seed) {
        return append("seed=" + seed);
    }

    /** This id with {@code name=value} appended to the case, for any other setting (a step count, a data set). */
    public CheckId with(String name, Object value) {
        requireName(name);
        String text = String.valueOf(value);
        if (!VALUE.matcher(text).matches()) {
            throw new IllegalArgumentException("check id " + this + ": value " + quote(text) + " of " + name
                    + " must use only the characters A-Z a-z 0-9 _ - + .");
        }
        return append(name + "=" + text);
    }

    /** The key of {@code tensor}'s line in the unit's file: {@code <case>/<tensor>}. */
    public String key(String tensor) {
        if (caseName.isEmpty()) {
            throw new IllegalStateException("check id " + unit + " has no case: add its shapes and seed, "
                    + "e.g. CheckId.of(\"" + unit + "\").shape(\"x\", 2, 3).seed(42)");
        }
        if (tensor == null || !NAME.matcher(tensor).matches()) {
            throw new IllegalArgumentException("check id " + this + ": tensor name " + quote(tensor)
                    + " must be a letter or '_' followed by letters, digits or '_'");
        }
        return caseName + "/" + tensor;
    }

    /** {@code unit/case}. */
    @Override
    public String toString() {
        return unit + "/" + caseName;
    }

    private CheckId append(String part) {
        String extended = caseName.isEmpty() ? part : caseName + "," + part;
        return new CheckId(unit, extended);
    }

    private void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("check id " + this + ": name " + quote(name)
                    + " must be a letter or '_' followed by letters, digits or '_'");
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
