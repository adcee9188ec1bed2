package dev.gradcheck.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Allure is an optional dependency: with the class path of a user who does not have it, the
 * reporter the service files register is still found and created, and checks and the baseline
 * gate's listeners run as before, loading no Allure class.
 */
class WithoutAllureTests {

    @Test
    void checksRunAndListenersAreCalledWithoutAllureOnTheClassPath() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(classPathWithoutAllure(), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.qameta.allure.Allure"));
            Object report = withContextLoader(loader, () -> {
                Class<?> tensor = loader.loadClass("dev.gradcheck.tensor.Tensor");
                Class<?> layer = loader.loadClass("dev.gradcheck.layers.Layer");
                Class<?> checkable = loader.loadClass("dev.gradcheck.check.Checkable");
                Object x = tensor.getMethod("matrix", double[][].class).invoke(null, (Object) new double[][] {{0.5, -1, 2}});
                Object sigmoid = loader.loadClass("dev.gradcheck.layers.Sigmoid").getConstructor().newInstance();
                Object unit = checkable.getMethod("of", layer, tensor, long.class).invoke(null, sigmoid, x, 1L);
                return loader.loadClass("dev.gradcheck.check.GradientCheck").getMethod("check", checkable).invoke(null, unit);
            });
            assertEquals(true, report.getClass().getMethod("passed").invoke(report));

            Class<?> checkListener = loader.loadClass("dev.gradcheck.check.CheckListener");
            assertEquals(List.of(AllureCheckReporter.class.getName()), providers(checkListener, loader),
                    "the reporter is registered and created, and did nothing");
            Class<?> baselineListener = loader.loadClass("dev.gradcheck.baseline.BaselineListener");
            assertEquals(List.of(AllureCheckReporter.class.getName()), providers(baselineListener, loader));
            Object runListener = loader.loadClass(AllureRunListener.class.getName()).getConstructor().newInstance();
            runListener.getClass().getMethod("testPlanExecutionFinished", loader.loadClass(
                    "org.junit.platform.launcher.TestPlan")).invoke(runListener, (Object) null);
        }
    }

    /** The class names of the providers of {@code service} that {@code loader} finds and creates. */
    private static List<String> providers(Class<?> service, ClassLoader loader) {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(service, loader).forEach(p -> names.add(p.getClass().getName()));
        return names;
    }

    /** This JVM's class path less Allure's jars and the test classes (whose service files name test listeners). */
    private static URL[] classPathWithoutAllure() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (!name.startsWith("allure-") && !entry.endsWith("test-classes")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
