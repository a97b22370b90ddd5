package dev.hake.camel;

import dev.hake.testing.BackendResources;
import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the route tests: a CamelContext whose hake component points at the backend chosen by
 * -Dhake.test.backend, with a prefix of its own per test; routes are added by each test. After
 * the test the context stops first (consumers hand back what they prefetched), then every queue,
 * topic and subscription under the prefix is deleted.
 */
@ExtendWith(HakeBackendExtension.class)
abstract class HakeRouteTestSupport extends CamelTestSupport {

    protected static HakeTestBackend backend;
    protected final String prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + "-";
    protected BackendResources aws;

    @BeforeAll
    static void useBackend(HakeTestBackend chosen) {
        backend = chosen;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HakeConfiguration hake = context.getComponent("hake", HakeComponent.class).getConfiguration();
        hake.setEndpoint(backend.endpoint().toString());
        hake.setRegion(backend.region());
        hake.setAccessKeyId(backend.accessKeyId());
        hake.setSecretAccessKey(backend.secretAccessKey());
        hake.setPrefix(prefix);
        aws = new BackendResources(backend.endpoint(), backend.region(), backend.accessKeyId(),
                backend.secretAccessKey());
        return context;
    }

    /** Adds routes to the running context; they start at once. */
    protected void routes(RouteBuilder builder) throws Exception {
        context.addRoutes(builder);
    }

    @AfterEach
    void deleteResources() {
        context.stop();
        try {
            aws.deleteAll(prefix);
        } finally {
            aws.close();
        }
    }
}
