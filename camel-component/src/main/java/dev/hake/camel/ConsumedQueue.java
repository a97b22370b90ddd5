package dev.hake.camel;

import dev.hake.core.aws.Subscriptions;
import dev.hake.core.receive.MessageFilter;
import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SnsFilterPolicy;
import java.util.Map;
import java.util.Optional;

/**
 * The SQS queue a consumer reads, found or made as the JMS provider makes it: the queue itself,
 * or, for a topic, the queue of the shared durable subscription (so JMS and Camel consumers of one
 * subscription name compete), subscribed with an SNS filter policy derived from the selector.
 * With a dead-letter queue, the consumed queue gets the redrive policy that feeds it.
 */
record ConsumedQueue(String queueUrl, MessageFilter filter, String claimKey) {

    /** Finds or creates the queue; blocks on AWS, so it runs when the route starts. */
    static ConsumedQueue open(HakeEndpoint endpoint, HakeServices services, SubscriptionClaims claims) {
        Selector selector = endpoint.parsedSelector();
        String name = endpoint.getDestinationName();
        ConsumedQueue consumed;
        if (endpoint.isQueue()) {
            String url = services.core.topology().queueUrl(services.core.names().queue(name), services.settings.createDestinations(),
                    Map.of());
            consumed = new ConsumedQueue(url, SelectorFilter.of(selector, false), null);
        } else {
            consumed = subscription(endpoint, services, claims, selector);
        }
        if (endpoint.getDeadLetterQueue() != null) {
            try {
                String dlq = services.core.topology().queueUrl(services.core.names().queue(endpoint.getDeadLetterQueue()),
                        services.settings.createDestinations(), Map.of());
                services.core.topology().redrive(consumed.queueUrl(), services.core.topology().queueArn(dlq),
                        endpoint.getMaxDeliveries());
            } catch (RuntimeException e) {
                consumed.release(claims);
                throw e;
            }
        }
        return consumed;
    }

    /** Ends this consumer's claim on its subscription. */
    void release(SubscriptionClaims claims) {
        if (claimKey != null) {
            claims.release(claimKey);
        }
    }

    private static ConsumedQueue subscription(HakeEndpoint endpoint, HakeServices services, SubscriptionClaims claims,
                                              Selector selector) {
        String topic = endpoint.getDestinationName();
        String subscription = endpoint.getSubscriptionName();
        String queueName = services.core.names().sharedDurableSubscriptionQueue(services.settings.clientId().orElse(null),
                subscription, topic.endsWith(".fifo"));
        String text = selector == null ? null : selector.text();
        String claimKey = services.core.aws().region() + "|" + services.settings.endpoint().map(Object::toString)
                .orElse(services.settings.embedded() ? "embedded" : "aws") + "|" + queueName;
        claims.claim(claimKey, topic + "\n" + text, "subscription '" + subscription + "'");
        try {
            Optional<String> policy = selector == null ? Optional.empty() : SnsFilterPolicy.from(selector);
            // The same spec as JMS createSharedDurableConsumer(topic, name, selector), so both see one subscription.
            Subscriptions.Spec spec = new Subscriptions.Spec(topic, policy, text, false);
            String url = services.core.subscriptions().named(queueName, spec, "shared").queueUrl();
            return new ConsumedQueue(url, SelectorFilter.of(selector, true), claimKey);
        } catch (RuntimeException e) {
            claims.release(claimKey);
            throw e;
        }
    }
}
