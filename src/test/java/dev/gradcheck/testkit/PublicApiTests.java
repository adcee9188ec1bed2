package dev.gradcheck.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/** The public API's rules: they reject code that reaches past it, and every public kit type declares its status. */
class PublicApiTests {

    @Test
    void ruleRejectsCodeThatUsesInternalTypes() throws ClassNotFoundException {
        JavaClasses violations = new ClassFileImporter().importClasses(Class.forName("com.example.violations.UsesInternals"));
        AssertionError error = assertThrows(AssertionError.class,
                () -> PublicApi.usesOnlyThePublicApi("com.example.violations").check(violations));
        for (String internal : new String[] {"dev.gradcheck.layers.Relu", "dev.gradcheck.tensor.TensorOps",
                "dev.gradcheck.testkit.CaseFormat"}) {
            assertTrue(error.getMessage().contains(internal), () -> "the rule did not name " + internal + ":\n" + error.getMessage());
        }
        assertTrue(!error.getMessage().contains("<dev.gradcheck.tensor.Tensor>"), error::getMessage);
    }

    @Test
    void everyPublicKitTypeDeclaresItsApiStatus() throws URISyntaxException {
        Path main = Path.of(Layers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses kit = new ClassFileImporter().importPath(main.resolve("dev/gradcheck/testkit"));
        assertTrue(kit.contain(LayerContract.class) && kit.contain(Layers.class), "the kit's classes were not imported from " + main);
        PublicApi.everyPublicKitTypeDeclaresItsStatus().check(kit);
    }

    @Test
    void everyCoreTypeIsPublicAndNoneIsAnnotatedInternal() {
        for (Class<?> type : PublicApi.CORE) {
            assertTrue(Modifier.isPublic(type.getModifiers()), () -> type + " is listed as public API but is not public");
            API api = type.getAnnotation(API.class);
            assertTrue(api == null || api.status() != API.Status.INTERNAL, () -> type + " is listed as public API but marked INTERNAL");
        }
    }
}
