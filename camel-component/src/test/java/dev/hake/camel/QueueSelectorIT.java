package dev.hake.camel;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

class QueueSelectorIT extends HakeRouteTestSupport {

    @Test
    void selectorTakesItsMessagesAndLeavesTheRestToOthers() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:queue:mixed?selector=kind = 'a' OR JMSPriority > 6").to("mock:a");
                from("hake:queue:mixed?selector=kind = 'b'").to("mock:b");
            }
        });
        getMockEndpoint("mock:a").expectedBodiesReceivedInAnyOrder("a1", "a2", "urgent c");
        getMockEndpoint("mock:b").expectedBodiesReceivedInAnyOrder("b1", "b2");

        template.sendBodyAndHeader("hake:queue:mixed", "a1", "kind", "a");
        template.sendBodyAndHeader("hake:queue:mixed", "b1", "kind", "b");
        template.sendBodyAndHeader("hake:queue:mixed", "a2", "kind", "a");
        template.send("hake:queue:mixed", e -> {
            e.getMessage().setBody("urgent c");
            e.getMessage().setHeader("kind", "c");
            e.getMessage().setHeader(HakeConstants.PRIORITY, 9);
        });
        template.sendBodyAndHeader("hake:queue:mixed", "b2", "kind", "b");

        MockEndpoint.assertIsSatisfied(context);
    }
}
