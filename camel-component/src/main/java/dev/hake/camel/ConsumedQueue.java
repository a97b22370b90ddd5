package dev.hake.camel;

import dev.hake.core.SubscriptionClaim;
import dev.hake.core.SubscriptionIdentity;
import dev.hake.core.WireDestination;
import dev.hake.core.aws.Subscriptions;
import dev.hake.core.receive.MessageFilter;
import dev.hake.core.receive.SelectorFilter;
import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SnsFilterPolicy;
import java.util.Optional;

/**
 * The SQS queue a consumer reads, found or made as the JMS provider makes it: the queue itself,
 * or, for a topic, the queue of the shared durable subscription (so JMS and Camel consumers of one
 * subscription name compete), subscribed with an SNS filter policy derived from the selector.
 * With a dead-letter queue, the consumed queue gets the redrive policy that feeds it.
 */
record ConsumedQueue(String queueUrl, MessageFilter filter, SubscriptionClaim claim) {

    /** Finds or creates the queue; blocks on AWS, so it runs when the route starts. */
    static ConsumedQueue open(HakeEndpoint endpoint, HakeServices services) {
        Selector selector = endpoint.parsedSelector();
        String name = endpoint.getDestinationName();
        ConsumedQueue consumed;
        if (endpoint.isQueue()) {
            String url = services.core.queueUrl(WireDestination.queue(name));
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
        if (claim != null) {
            claim.release();
        }
    }

    private static ConsumedQueue subscription(HakeEndpoint endpoint, HakeServices services, Selector selector) {
        String topic = endpoint.getDestinationName();
        String subscription = endpoint.getSubscriptionName();
        String queueName = services.core.names().sharedDurableSubscriptionQueue(services.settings.clientId().orElse(null),
                subscription, topic.endsWith(".fifo"));
        String text = selector == null ? null : selector.text();
        // Claimed before AWS is touched, in the JVM-wide registry that JMS consumers use too.
        SubscriptionClaim claim = services.core.claimSubscription(queueName, new SubscriptionIdentity(topic, text, false),
                true, "subscription '" + subscription + "'");
        try {
            Optional<String> policy = selector == null ? Optional.empty() : SnsFilterPolicy.from(selector);
            // The same spec as JMS createSharedDurableConsumer(topic, name, selector), so both see one subscription.
            Subscriptions.Spec spec = new Subscriptions.Spec(topic, policy, text, false);
            String url = services.core.subscriptions().named(queueName, spec, "shared").queueUrl();
            return new ConsumedQueue(url, SelectorFilter.forSubscription(selector, null), claim);
        } catch (RuntimeException e) {
            claim.release();
            throw e;
        }
    }
}
