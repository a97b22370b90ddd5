package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Scenario;
import org.apache.camel.CamelContext;

/**
 * Camel routes on hake's {@code hake:} component, in one CamelContext per trial: a ProducerTemplate
 * sends exchanges asynchronously with a bounded window, and consumer routes record what arrives.
 */
public final class CamelClient implements ClientUnderTest {

    @Override
    public String name() {
        return "camel";
    }

    @Override
    public String description() {
        return camelVersion() + " routes on the hake:"
                + " component: ProducerTemplate.asyncSend to hake:queue:q / hake:topic:t with up to "
                + CamelTrial.ASYNC_WINDOW + " exchanges in flight; on a queue one route"
                + " from(hake:queue:q?concurrentConsumers=N) for N competing consumers, on a topic one route per"
                + " shared durable subscription from(hake:topic:t?subscriptionName=sK); producer and routes share"
                + " one CamelContext, and so one set of AWS clients";
    }

    /** From camel-api's manifest, so that the legend names the Camel the run used. */
    private static String camelVersion() {
        String version = CamelContext.class.getPackage().getImplementationVersion();
        return version == null ? "Camel" : "Camel " + version;
    }

    @Override
    public boolean supportsTopics() {
        return true;
    }

    @Override
    public Trial open(Scenario scenario, TrialSetup setup, Deliveries deliveries) throws Exception {
        CamelContext camel = CamelContexts.forTrial(setup);
        try {
            CamelConsumerRoutes routes = new CamelConsumerRoutes(scenario, deliveries);
            camel.addRoutes(routes);
            // Starting a hake route finds or creates its queue, or its subscription queue subscribed to
            // the topic, before it returns: once every route is started, nothing sent can be missed.
            camel.start();
            for (String id : routes.routeIds()) {
                if (!camel.getRouteController().getRouteStatus(id).isStarted()) {
                    throw new IllegalStateException("route " + id + " did not start: "
                            + camel.getRouteController().getRouteStatus(id));
                }
            }
            return new CamelTrial(camel, CamelConsumerRoutes.destination(scenario));
        } catch (Exception e) {
            camel.stop();
            throw e;
        }
    }
}
