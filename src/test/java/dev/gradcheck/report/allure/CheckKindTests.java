package dev.gradcheck.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kind of a check, its story in the report, is told by how its test is declared. */
class CheckKindTests {

    /** A contract: test methods a user's test class inherits. */
    interface Contract {
        @Test
        default void inheritedCheck() {
        }
    }

    /** Test declarations to classify; a nested class, so the build does not run it. */
    static class Declarations implements Contract {
        @ParameterizedTest
        @ValueSource(ints = 1)
        void parameterizedCheck(int i) {
        }

        @Property
        void propertyCheck() {
        }

        @Test
        void exampleCheck() {
        }
    }

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void parameterizedTestsAreParameterized() {
        assertEquals(CheckKind.PARAMETERIZED, kind("parameterizedCheck"));
    }

    @Test
    void jqwikPropertiesAreProperties() {
        assertEquals(CheckKind.PROPERTY, kind("propertyCheck"));
    }

    @Test
    void methodsInheritedFromAnInterfaceAreContracts() {
        assertEquals(CheckKind.CONTRACT, kind("inheritedCheck"));
    }

    @Test
    void anyOtherTestIsAnExample() {
        assertEquals(CheckKind.EXAMPLE, kind("exampleCheck"));
        assertEquals(CheckKind.EXAMPLE, CheckKind.of("no.such.Class", "m", loader));
        assertEquals(CheckKind.EXAMPLE, CheckKind.of(null, null, loader));
    }

    @Test
    void theStoryIsTheKindInLowerCase() {
        assertEquals("parameterized", CheckKind.PARAMETERIZED.story());
        assertEquals("baseline", CheckKind.BASELINE.story());
    }

    private CheckKind kind(String method) {
        return CheckKind.of(Declarations.class.getName(), method, loader);
    }
}
