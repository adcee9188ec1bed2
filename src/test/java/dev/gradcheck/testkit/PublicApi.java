package dev.gradcheck.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import dev.gradcheck.baseline.CheckId;
import dev.gradcheck.check.CheckOptions;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.check.Problem;
import dev.gradcheck.check.Stencil;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.check.Tolerance;
import dev.gradcheck.check.Variable;
import dev.gradcheck.layers.BinaryGradients;
import dev.gradcheck.layers.BinaryLayer;
import dev.gradcheck.layers.Labels;
import dev.gradcheck.layers.Layer;
import dev.gradcheck.layers.LossLayer;
import dev.gradcheck.layers.Parameter;
import dev.gradcheck.layers.TargetLossLayer;
import dev.gradcheck.layers.TrainFlagLayer;
import dev.gradcheck.numerics.Diagnosis;
import dev.gradcheck.numerics.TaylorResult;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * What code outside gradcheck may use (README, "Gate your own layer"): the kit's types in
 * {@code dev.gradcheck.testkit} that carry {@code @API} with a status other than {@code INTERNAL},
 * and the core types below, which the kit's methods take and return. Everything else in
 * {@code dev.gradcheck} is internal.
 */
final class PublicApi {

    /** The core types of the public API: the layer protocol, tensors, the check's options and report, check ids. */
    static final Set<Class<?>> CORE = Set.of(
            Tensor.class, ShapeException.class,
            Layer.class, BinaryLayer.class, BinaryGradients.class, LossLayer.class, TargetLossLayer.class, Labels.class,
            Parameter.class, TrainFlagLayer.class,
            Checkable.class, Variable.class, Variable.Kind.class, GradientCheck.class, CheckOptions.class, Tolerance.class,
            Stencil.class, CheckReport.class, TensorReport.class, Problem.class, FailureCategory.class,
            CheckId.class, Diagnosis.class, TaylorResult.class);

    private static final Set<String> CORE_NAMES = CORE.stream().map(Class::getName).collect(Collectors.toSet());

    /** A class outside gradcheck, or one of its public API. */
    static final DescribedPredicate<JavaClass> OUTSIDE_GRADCHECK_OR_PUBLIC = DescribedPredicate.describe(
            "outside dev.gradcheck, or gradcheck's public API (the core types, or @API and not INTERNAL)", PublicApi::allowed);

    private PublicApi() {
    }

    /** Classes in {@code pkg} (and below) use nothing of gradcheck but its public API. */
    static ArchRule usesOnlyThePublicApi(String pkg) {
        return classes().that().resideInAPackage(pkg + "..")
                .should().onlyDependOnClassesThat(OUTSIDE_GRADCHECK_OR_PUBLIC)
                .because("user code compiles against gradcheck's public API alone (README, \"Gate your own layer\")");
    }

    /** Every public type of the kit says whether it is for users, with {@code @API}. */
    static ArchRule everyPublicKitTypeDeclaresItsStatus() {
        return classes().that().resideInAPackage("dev.gradcheck.testkit").and().arePublic()
                .should().beAnnotatedWith(API.class)
                .because("the kit's @API status tells users what they may depend on");
    }

    private static boolean allowed(JavaClass c) {
        JavaClass type = c.isArray() ? c.getBaseComponentType() : c;
        if (!type.getPackageName().startsWith("dev.gradcheck")) {
            return true;
        }
        if (CORE_NAMES.contains(type.getName())) {
            return true;
        }
        return type.tryGetAnnotationOfType(API.class).map(a -> a.status() != API.Status.INTERNAL).orElse(false);
    }

    /** The names of {@link #CORE}, sorted, as the README lists them. */
    static Stream<String> coreNames() {
        return CORE.stream().map(Class::getName).sorted();
    }
}
