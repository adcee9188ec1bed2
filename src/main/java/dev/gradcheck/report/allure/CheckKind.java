package dev.gradcheck.report.allure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of a gradient check, the story it is filed under in the report, told by how its test is
 * declared: a jqwik {@code @Property}, a JUnit {@code @ParameterizedTest}, a default method
 * inherited from a contract interface (the JUnit test-interface pattern), a test that only runs
 * the baseline gate, or a single example.
 */
enum CheckKind {
    /** Inherited from a contract interface; wins over the annotations below. */
    CONTRACT,
    /** A jqwik {@code @Property}: random cases. */
    PROPERTY,
    /** A JUnit {@code @ParameterizedTest}: one case per arguments. */
    PARAMETERIZED,
    /** Runs the baseline gate on a report made elsewhere (such as in {@code @BeforeAll}). */
    BASELINE,
    /** Anything else: one or a few fixed cases. */
    EXAMPLE;

    private static final String PROPERTY_ANNOTATION = "net.jqwik.api.Property";
    private static final String PARAMETERIZED_ANNOTATION = "org.junit.jupiter.params.ParameterizedTest";

    /** The story label: the kind in lower case. */
    String story() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of the test method {@code methodName} of {@code className} (which may inherit it), or
     * {@link #EXAMPLE} when the method cannot be found.
     */
    static CheckKind of(String className, String methodName, ClassLoader loader) {
        if (className == null || methodName == null) {
            return EXAMPLE;
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return EXAMPLE;
        }
        return find(type, methodName).map(CheckKind::of).orElse(EXAMPLE);
    }

    private static CheckKind of(Method method) {
        if (method.getDeclaringClass().isInterface()) {
            return CONTRACT;
        }
        for (Annotation a : method.getAnnotations()) {
            String name = a.annotationType().getName();
            if (name.equals(PROPERTY_ANNOTATION)) {
                return PROPERTY;
            }
            if (name.equals(PARAMETERIZED_ANNOTATION)) {
                return PARAMETERIZED;
            }
        }
        return EXAMPLE;
    }

    /** The first method named {@code name} in the class, its superclasses, then its interfaces. */
    private static Optional<Method> find(Class<?> type, String name) {
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && !m.isSynthetic()) {
                    return Optional.of(m);
                }
            }
            if (c.getSuperclass() != null) {
                queue.add(c.getSuperclass());
            }
            queue.addAll(List.of(c.getInterfaces()));
        }
        return Optional.empty();
    }
}
