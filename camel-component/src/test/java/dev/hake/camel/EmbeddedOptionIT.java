package dev.hake.camel;

import dev.hake.testing.BackendResources;
import dev.hake.embedded.EmbeddedHake;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code embedded=true}: routes on the in-JVM backend, whatever backend the other tests use. */
class EmbeddedOptionIT extends CamelTestSupport {

    private final String prefix = "e" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HakeConfiguration hake = context.getComponent("hake", HakeComponent.class).getConfiguration();
        hake.setEmbedded(true);
        hake.setPrefix(prefix);
        return context;
    }

    @Test
    void routesRunOnTheEmbeddedBackend() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("hake:queue:hello");
                from("hake:topic:news?subscriptionName=reader").to("mock:news");
                from("hake:queue:hello").setHeader("seen", constant(true)).to("hake:topic:news");
            }
        });
        MockEndpoint news = getMockEndpoint("mock:news");
        news.expectedBodiesReceived("hello, embedded");
        news.expectedHeaderReceived("seen", true);

        template.sendBody("direct:in", "hello, embedded");

        news.assertIsSatisfied();
    }

    @AfterEach
    void deleteResources() {
        context.stop();
        try (BackendResources aws = new BackendResources(EmbeddedHake.sharedEndpoint(), "us-east-1", "embedded",
                "embedded")) {
            aws.deleteAll(prefix);
        }
    }
}
