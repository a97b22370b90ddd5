package dev.hake.camel;

import dev.hake.core.SubscriptionRequest;
import dev.hake.core.SubscriptionSource;
import dev.hake.core.WireDestination;
import dev.hake.core.receive.MessageFilter;
import dev.hake.core.receive.SelectorFilter;
import dev.hake.core.selector.Selector;

/**
 * The SQS queue a consumer reads, found or made as the JMS provider makes it: the queue itself,
 * or, for a topic, the queue of the shared durable subscription (so JMS and Camel consumers of one
 * subscription name compete), subscribed with an SNS filter policy derived from the selector.
 * With a dead-letter queue, the consumed queue gets the redrive policy that feeds it.
 */
record ConsumedQueue(String queueUrl, MessageFilter filter, SubscriptionSource subscription) {

    /** Finds or creates the queue; blocks on AWS, so it runs when the route starts. */
    static ConsumedQueue open(HakeEndpoint endpoint, HakeServices services) {
        Selector selector = endpoint.parsedSelector();
        String name = endpoint.getDestinationName();
        ConsumedQueue consumed;
        if (endpoint.isQueue()) {
            String url = services.core.consumedQueueUrl(WireDestination.queue(name));
            consumed = new ConsumedQueue(url, SelectorFilter.forQueue(selector), null);
        } else {
            consumed = subscription(endpoint, services, selector);
        }
        if (endpoint.getDeadLetterQueue() != null) {
            try {
                services.core.sendDeadLettersTo(consumed.queueUrl(), WireDestination.queue(endpoint.getDeadLetterQueue()),
                        endpoint.getMaxDeliveries());
            } catch (RuntimeException e) {
                consumed.release();
                throw e;
            }
        }
        return consumed;
    }

    /** Ends this consumer's claim on its subscription. */
    void release() {
        if (subscription != null) {
            subscription.close();
        }
    }

    private static ConsumedQueue subscription(HakeEndpoint endpoint, HakeServices services, Selector selector) {
        // The same request as JMS createSharedDurableConsumer(topic, name, selector): both read one
        // subscription, and core's JVM-wide claim makes them agree on what it is.
        SubscriptionSource source = services.core.subscribe(SubscriptionRequest.sharedDurable(
                endpoint.getDestinationName(), endpoint.getSubscriptionName(),
                services.settings.clientId().orElse(null), selector));
        return new ConsumedQueue(source.queueUrl(), source.filter(), source);
    }
}
