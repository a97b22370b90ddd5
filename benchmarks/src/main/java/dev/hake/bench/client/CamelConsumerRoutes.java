package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/**
 * The scenario's consumers as routes, each recording what it receives: on a queue one route whose
 * {@code concurrentConsumers} are the scenario's competing consumers (the component's own way of
 * running N consumers, each a poll loop of its own, as N JMS consumers are); on a topic one route
 * per shared durable subscription {@code sK}.
 */
final class CamelConsumerRoutes extends RouteBuilder {

    private final Scenario scenario;
    private final Deliveries deliveries;
    private final List<String> routeIds = new ArrayList<>();

    CamelConsumerRoutes(Scenario scenario, Deliveries deliveries) {
        this.scenario = scenario;
        this.deliveries = deliveries;
    }

    /** The hake URI to send the scenario's messages to. */
    static String destination(Scenario scenario) {
        return scenario.topic() ? "hake:topic:t" : "hake:queue:q";
    }

    @Override
    public void configure() {
        for (int s = 0; s < scenario.subscriptions(); s++) {
            int subscription = s;
            String uri = scenario.topic()
                    ? destination(scenario) + "?subscriptionName=s" + s
                    : destination(scenario) + "?concurrentConsumers=" + scenario.consumersPerSubscription();
            String routeId = "consume-s" + s;
            routeIds.add(routeId);
            from(uri).routeId(routeId)
                    .process(exchange -> deliveries.record(subscription, exchange.getMessage().getBody(String.class)));
        }
    }

    /** The ids of the routes {@link #configure()} made. */
    List<String> routeIds() {
        return routeIds;
    }
}
