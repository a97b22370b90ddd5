package dev.hake.embedded.junit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of starting the chosen backend, kept once per JVM in JUnit's root store: the
 * running backend, or the reason it could not start. Keeping the failure means a broken backend
 * fails (or, for a missing Docker, skips) every test class with the same message, without a new
 * attempt for each. JUnit closes it when the test run ends.
 */
final class BackendStartup implements ExtensionContext.Store.CloseableResource {

    private static final Logger LOG = LoggerFactory.getLogger(BackendStartup.class);

    static final String BACKEND_PROPERTY = "hake.test.backend";
    static final String VALID_NAMES = String.join(", ", EmbeddedBackend.NAME, MotoBackend.NAME,
            LocalStackBackend.NAME, ExternalEndpointBackend.NAME);

    private final RunningBackend running;
    private final RuntimeException failure;

    private BackendStartup(RunningBackend running, RuntimeException failure) {
        this.running = running;
        this.failure = failure;
    }

    /**
     * Starts the backend that {@code hake.test.backend} names.
     *
     * @param properties   where settings are read (system properties, in real use)
     * @param logDirectory where a child process writes its output
     */
    static BackendStartup start(UnaryOperator<String> properties, Path logDirectory) {
        try {
            String name = properties.apply(BACKEND_PROPERTY);
            RunningBackend running = launch(name == null || name.isBlank() ? EmbeddedBackend.NAME : name.trim(),
                    properties, logDirectory);
            LOG.info("Integration tests run against {}", running.backend());
            return new BackendStartup(running, null);
        } catch (TestAbortedException e) {
            // Surefire and Failsafe do not show why a whole class was skipped; say it once here.
            LOG.warn("{} (this applies to every test class that uses HakeBackendExtension)", e.getMessage());
            return new BackendStartup(null, e);
        } catch (RuntimeException e) {
            return new BackendStartup(null, e);
        }
    }

    private static RunningBackend launch(String name, UnaryOperator<String> properties, Path logDirectory) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case EmbeddedBackend.NAME -> EmbeddedBackend.start();
            case MotoBackend.NAME -> MotoBackend.start(logDirectory);
            case LocalStackBackend.NAME -> startLocalStack();
            case ExternalEndpointBackend.NAME -> ExternalEndpointBackend.fromProperties(properties);
            default -> throw new IllegalArgumentException("Unknown " + BACKEND_PROPERTY + " '" + name
                    + "'; valid values are: " + VALID_NAMES);
        };
    }

    /** Testcontainers is an optional dependency of this module; without it, say so rather than fail to link. */
    private static RunningBackend startLocalStack() {
        try {
            Class.forName("org.testcontainers.containers.localstack.LocalStackContainer", false,
                    BackendStartup.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("hake.test.backend=localstack needs org.testcontainers:localstack on the"
                    + " test classpath", e);
        }
        return LocalStackBackend.start();
    }

    /** The backend; rethrows the startup failure (or skip) if there is none. */
    HakeTestBackend backend() {
        if (failure != null) {
            throw failure;
        }
        return running.backend();
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
    }
}
