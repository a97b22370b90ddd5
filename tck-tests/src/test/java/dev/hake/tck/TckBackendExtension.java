package dev.hake.tck;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import java.io.PrintWriter;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Starts the backend that {@code hake.test.backend} names (once per JVM, through
 * {@link HakeBackendExtension}, which also stops it when the run ends) before each test class, and
 * hands it to {@link TckInitialContextFactory}. The TCK's classes cannot be annotated, so this is
 * registered through {@code META-INF/services} and JUnit's extension autodetection, which the
 * {@code jakarta-tck} profile turns on.
 */
public final class TckBackendExtension implements BeforeAllCallback {

    private static final HakeBackendExtension BACKENDS = new HakeBackendExtension();
    private static final String TEST_UTIL = "com.sun.ts.lib.util.TestUtil";
    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("jdk"), Logger.getLogger("sun"), Logger.getLogger("javax"));
    private static volatile HakeTestBackend current;
    private static boolean tckLogging;

    @Override
    public void beforeAll(ExtensionContext context) {
        printTckLog();
        BACKENDS.beforeAll(context);
        current = (HakeTestBackend) BACKENDS.resolveParameter(BackendParameter.INSTANCE, context);
    }

    /**
     * Left alone, the TCK's {@code TestUtil} (which {@code JmsTool} logs through, including the cause
     * of most failures) sends its log to a remote harness that is not there, and it is lost. This
     * points it at standard output, which Failsafe keeps per test class. {@code -Dhake.tck.trace=true}
     * adds its trace lines, and those the test classes log at TRACE and DEBUG through
     * {@code System.Logger} (java.util.logging, INFO and up by default).
     */
    private static synchronized void printTckLog() {
        if (tckLogging) {
            return;
        }
        tckLogging = true;
        boolean trace = Boolean.getBoolean("hake.tck.trace");
        if (trace) {
            Logger root = Logger.getLogger("");
            root.setLevel(Level.ALL);
            for (Handler handler : root.getHandlers()) {
                handler.setLevel(Level.ALL);
            }
            // Keep the JDK's own internals quiet (held, since the JDK keeps loggers weakly).
            QUIET.forEach(logger -> logger.setLevel(Level.INFO));
        }
        try {
            Class<?> testUtil = Class.forName(TEST_UTIL);
            Properties settings = new Properties();
            settings.setProperty("line.separator", System.lineSeparator());
            settings.setProperty("harness.log.traceflag", Boolean.toString(trace));
            testUtil.getMethod("initNoLogging", Properties.class).invoke(null, settings);
            PrintWriter out = new PrintWriter(System.out, true);
            testUtil.getMethod("setCurrentTest", String.class, PrintWriter.class, PrintWriter.class)
                    .invoke(null, "hake", out, out);
        } catch (ClassNotFoundException notTheTck) {
            // not running the TCK: nothing to set up
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot direct the TCK's log to standard output", e);
        }
    }

    /** The running backend; fails if no test class has started yet, which means the extension is not registered. */
    static HakeTestBackend current() {
        HakeTestBackend backend = current;
        if (backend == null) {
            throw new IllegalStateException("No hake test backend: " + TckBackendExtension.class.getName()
                    + " did not run. Set junit.jupiter.extensions.autodetection.enabled=true (the jakarta-tck"
                    + " profile does).");
        }
        return backend;
    }

    /** Asks {@link HakeBackendExtension} for a {@link HakeTestBackend}, as a test parameter would. */
    private enum BackendParameter implements ParameterContext {
        INSTANCE;

        @SuppressWarnings("unused")
        private static void slot(HakeTestBackend backend) {
            // only its parameter is used
        }

        @Override
        public Parameter getParameter() {
            try {
                return BackendParameter.class.getDeclaredMethod("slot", HakeTestBackend.class).getParameters()[0];
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int getIndex() {
            return 0;
        }

        @Override
        public Optional<Object> getTarget() {
            return Optional.empty();
        }
    }
}
