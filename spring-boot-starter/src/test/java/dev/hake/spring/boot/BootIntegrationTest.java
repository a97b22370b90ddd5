package dev.hake.spring.boot;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.testing.BackendResources;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Base of the starter's integration tests: Boot applications on the backend of -Dhake.test.backend,
 * configured only through hake.* properties, under a name prefix of the test's own; each test's
 * applications are closed and what they created under the prefix deleted.
 */
@ExtendWith(HakeBackendExtension.class)
public abstract class BootIntegrationTest {

    protected HakeTestBackend backend;
    protected String prefix;
    private BackendResources aws;
    private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

    @BeforeEach
    void openBackend(HakeTestBackend backend) {
        this.backend = backend;
        this.aws = new BackendResources(backend.endpoint(), backend.region(), backend.accessKeyId(),
                backend.secretAccessKey());
        this.prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** The hake.* properties of the test's backend and prefix. */
    protected String[] backendProperties() {
        return new String[] {
            "hake.endpoint=" + backend.endpoint(),
            "hake.region=" + backend.region(),
            "hake.access-key-id=" + backend.accessKeyId(),
            "hake.secret-access-key=" + backend.secretAccessKey(),
            "hake.prefix=" + prefix,
        };
    }

    /** Starts a Boot application of {@code sources} with the backend's properties and {@code properties}. */
    protected ConfigurableApplicationContext start(Class<?> source, String... properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(source)
                .web(WebApplicationType.NONE)
                .properties(backendProperties())
                .properties(properties)
                .run();
        applications.add(context);
        return context;
    }

    @AfterEach
    void cleanUp() {
        applications.forEach(ConfigurableApplicationContext::close);
        aws.deleteAll(prefix);
        aws.close();
    }
}
