package dev.hake.camel;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** The YAML DSL example of the component README, as written there. */
class YamlDslIT extends HakeRouteTestSupport {

    private static final String ROUTES = """
            - route:
                from:
                  uri: hake:topic:orders
                  parameters:
                    subscriptionName: billing
                    selector: "region = 'EU'"
                    concurrentConsumers: 2
                  steps:
                    - log: "billing ${header.HakeMessageId}: ${body}"
                    - to: mock:billing
            - route:
                from:
                  uri: direct:orders
                  steps:
                    - setHeader:
                        name: HakeCorrelationId
                        simple: "${header.orderId}"
                    - to: hake:topic:orders
            """;

    @Test
    void readmeYamlRoutesRun() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", ROUTES));
        MockEndpoint billing = getMockEndpoint("mock:billing");
        billing.expectedBodiesReceived("EU order");
        billing.expectedHeaderReceived(HakeConstants.CORRELATION_ID, "42");

        template.send("direct:orders", e -> {
            e.getMessage().setBody("US order");
            e.getMessage().setHeader("region", "US");
            e.getMessage().setHeader("orderId", 41);
        });
        template.send("direct:orders", e -> {
            e.getMessage().setBody("EU order");
            e.getMessage().setHeader("region", "EU");
            e.getMessage().setHeader("orderId", 42);
        });

        billing.assertIsSatisfied();
    }
}
