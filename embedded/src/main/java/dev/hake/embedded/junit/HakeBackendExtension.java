package dev.hake.embedded.junit;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests an SNS+SQS backend: register it with
 * {@code @ExtendWith(HakeBackendExtension.class)} and take a {@link HakeTestBackend} parameter
 * (in a constructor, a lifecycle method or a test method).
 *
 * <p>The system property {@code hake.test.backend} chooses the backend:
 * <ul>
 *   <li>{@code embedded} (default): an {@link dev.hake.embedded.EmbeddedHake} on a free port;</li>
 *   <li>{@code moto}: {@code moto_server} started as a child process (it must be on the PATH);</li>
 *   <li>{@code localstack}: LocalStack through Testcontainers; tests are skipped where Docker is missing;</li>
 *   <li>{@code endpoint}: an endpoint already running, named by {@code hake.test.endpoint}, with
 *       {@code hake.test.region}, {@code hake.test.accessKeyId} and {@code hake.test.secretAccessKey}.</li>
 * </ul>
 * One backend is started per JVM, on first use, and stopped when the test run ends. Tests share it,
 * so each should name what it creates uniquely and delete it afterwards.
 */
public final class HakeBackendExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HakeBackendExtension.class);
    private static final String LOG_DIRECTORY_PROPERTY = "hake.test.logDir";

    /** Starting here, rather than in parameter resolution, lets a missing Docker skip the tests instead of failing them. */
    @Override
    public void beforeAll(ExtensionContext context) {
        backend(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        backend(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == HakeTestBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return backend(extensionContext);
    }

    private static HakeTestBackend backend(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(BackendStartup.class,
                        key -> BackendStartup.start(System::getProperty, logDirectory(context)),
                        BackendStartup.class)
                .backend();
    }

    /**
     * {@code hake.test.logDir} if set; else the build directory that holds the test classes
     * (the parent of {@code test-classes}), whatever it is called; else the temporary directory.
     */
    private static Path logDirectory(ExtensionContext context) {
        String configured = System.getProperty(LOG_DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            CodeSource source = context.getRequiredTestClass().getProtectionDomain().getCodeSource();
            if (source != null) {
                Path classes = Path.of(source.getLocation().toURI());
                if (Files.isDirectory(classes) && classes.getParent() != null) {
                    return classes.getParent();
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back below
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
