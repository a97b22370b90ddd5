package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * A route's trace context (the {@code traceparent} and {@code tracestate} headers Camel's tracers,
 * camel-opentelemetry and camel-observation, set and read) travels with its message, as a JMS
 * client's does: in hake's own attribute, costing none of the ten attribute slots.
 */
class TraceContextRoutesIT extends HakeRouteTestSupport {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theTraceContextHeadersArriveWithTheMessageBesideTenOtherHeaders() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("hake:queue:traced");
                from("hake:queue:traced").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);

        template.send("direct:in", e -> {
            e.getMessage().setBody("order 42");
            for (int i = 0; i < 10; i++) {
                e.getMessage().setHeader("h" + i, i);
            }
            e.getMessage().setHeader("traceparent", TRACEPARENT);
            e.getMessage().setHeader("tracestate", "vendor=abc");
        });

        out.assertIsSatisfied(20_000);
        Map<String, Object> headers = out.getExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry("traceparent", TRACEPARENT).containsEntry("tracestate", "vendor=abc");
        for (int i = 0; i < 10; i++) {
            assertThat(headers).containsEntry("h" + i, i);
        }
    }
}
