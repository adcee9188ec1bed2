package dev.gradcheck.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Check ids are stable, and no id can name a file outside the baseline directory or break a line. */
class CheckIdTests {

    @TempDir
    Path dir;

    @Test
    void partsJoinInTheOrderGiven() {
        CheckId id = CheckId.of("Affine").shape("x", 2, 2, 2, 9).shape("W", 36, 3).with("labels", "onehot").seed(42);
        assertEquals("x(2,2,2,9),W(36,3),labels=onehot,seed=42", id.caseName());
        assertEquals("x(2,2,2,9),W(36,3),labels=onehot,seed=42/W", id.key("W"));
        assertEquals("Affine/x(2,2,2,9),W(36,3),labels=onehot,seed=42", id.toString());
    }

    @Test
    void fileOfAUnitIsInsideTheDirectory() {
        BaselineStore store = new BaselineStore(dir);
        assertEquals(dir.toAbsolutePath().normalize().resolve("Affine.txt"), store.file("Affine"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../Affine", "a/b", "a\\b", "/etc/passwd", "C:", "Affine.txt", ".hidden", "-x", "1x",
            "", " Affine", "Affine\n", "Aff ine", "Ａffine", "x%2e%2e"})
    void unitThatCouldEscapeOrMisnameAFileIsRejected(String unit) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckId.of(unit));
        assertTrue(e.getMessage().contains("unit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BaselineStore(dir).file(unit));
    }

    @Test
    void tooLongUnitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CheckId.of("A".repeat(CheckId.MAX_UNIT_LENGTH + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x/../../evil", "a b", "a\nb", "a#b", "a:b", "a\\b", "a\tb"})
    void caseThatCouldBreakALineIsRejected(String caseName) {
        assertThrows(IllegalArgumentException.class, () -> new CheckId("Affine", caseName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../W", "W b", "W/x", "", "1W", "W\n"})
    void tensorNameThatCouldBreakAKeyIsRejected(String tensor) {
        CheckId id = CheckId.of("Affine").seed(1);
        assertThrows(IllegalArgumentException.class, () -> id.key(tensor));
    }

    @Test
    void settingValueWithASeparatorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckId.of("Affine").with("data", "../fixtures"));
        assertTrue(e.getMessage().contains("'../fixtures'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckId.of("Affine").with("a,b", 1));
        assertThrows(IllegalArgumentException.class, () -> CheckId.of("Affine").shape("x/y", 1));
    }

    @Test
    void idWithoutCaseHasNoKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckId.of("Affine").key("W"));
        assertTrue(e.getMessage().contains("add its shapes and seed"), e.getMessage());
    }

    @Test
    void tooLongCaseIsRejected() {
        CheckId id = CheckId.of("Affine");
        assertThrows(IllegalArgumentException.class, () -> id.with("x", "1".repeat(CheckId.MAX_CASE_LENGTH)));
    }
}
