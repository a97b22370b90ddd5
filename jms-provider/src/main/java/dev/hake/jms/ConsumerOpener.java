package dev.hake.jms;

import dev.hake.core.aws.SubscriptionQueue;
import dev.hake.core.aws.Subscriptions;
import dev.hake.core.receive.SelectorFilter;
import dev.hake.core.SubscriptionClaim;
import dev.hake.core.SubscriptionIdentity;
import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SnsFilterPolicy;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.Optional;

/**
 * Finds or creates the SQS queue each kind of JMS consumer reads from, with the filter that goes
 * with it: a queue itself, a non-durable subscriber's own queue, or a named (durable or shared)
 * subscription's queue. Subscriptions get an SNS filter policy derived from the selector, so SNS
 * drops most of what the selector would reject before it costs a delivery.
 */
final class ConsumerOpener {

    private final HakeConnection connection;
    private final ConnectionServices services;

    ConsumerOpener(HakeConnection connection) {
        this.connection = connection;
        this.services = connection.services();
    }

    ConsumerSource queue(HakeDestination queue, String selectorText) throws JMSException {
        Selector selector = ConsumerFilter.parse(selectorText);
        boolean temporary = queue.toWire().kind().isTemporary();
        if (temporary) {
            connection.temporaries().checkConsumable(queue);
        }
        String url = services.core.queueUrl(queue.toWire());
        return new ConsumerSource(url, SelectorFilter.forQueue(selector), text(selector), false, () -> { });
    }

    ConsumerSource nonDurable(HakeDestination topic, String selectorText, boolean noLocal) throws JMSException {
        Selector selector = ConsumerFilter.parse(selectorText);
        if (topic.toWire().kind().isTemporary()) {
            connection.temporaries().checkConsumable(topic);
        }
        SubscriptionQueue sub = services.core.subscriptions().nonDurable(spec(topic, selector, noLocal));
        return new ConsumerSource(sub.queueUrl(), subscriptionFilter(selector, noLocal), text(selector), noLocal,
                () -> services.core.subscriptions().delete(sub));
    }

    ConsumerSource durable(HakeDestination topic, String name, String selectorText, boolean noLocal)
            throws JMSException {
        Selector selector = ConsumerFilter.parse(selectorText);
        String clientId = connection.requireClientId("an unshared durable subscription");
        boolean fifo = topic.name().endsWith(".fifo");
        String queueName = services.core.names().durableSubscriptionQueue(clientId, name, fifo);
        if (services.core.subscriptions().exists(services.core.names().sharedDurableSubscriptionQueue(clientId, name, fifo))) {
            throw new JMSException("'" + name + "' is already a shared durable subscription of client ID '"
                    + clientId + "'; a durable subscription name can be shared or unshared, not both");
        }
        return named(queueName, topic, selector, noLocal, false, false, "durable subscription '" + name + "'");
    }

    ConsumerSource sharedDurable(HakeDestination topic, String name, String selectorText) throws JMSException {
        Selector selector = ConsumerFilter.parse(selectorText);
        String clientId = connection.clientIdOrNull();
        boolean fifo = topic.name().endsWith(".fifo");
        if (clientId != null && services.core.subscriptions().exists(services.core.names().durableSubscriptionQueue(clientId, name, fifo))) {
            throw new JMSException("'" + name + "' is already an unshared durable subscription of client ID '"
                    + clientId + "'; a durable subscription name can be shared or unshared, not both");
        }
        String queueName = services.core.names().sharedDurableSubscriptionQueue(clientId, name, fifo);
        return named(queueName, topic, selector, false, true, false, "shared durable subscription '" + name + "'");
    }

    ConsumerSource shared(HakeDestination topic, String name, String selectorText) throws JMSException {
        Selector selector = ConsumerFilter.parse(selectorText);
        String queueName = services.core.names().sharedSubscriptionQueue(connection.clientIdOrNull(), name,
                topic.name().endsWith(".fifo"));
        return named(queueName, topic, selector, false, true, true, "shared subscription '" + name + "'");
    }

    private ConsumerSource named(String queueName, HakeDestination topic, Selector selector, boolean noLocal,
                                 boolean shared, boolean deleteAfterLast, String description) throws JMSException {
        Subscriptions.Spec spec = spec(topic, selector, noLocal);
        SubscriptionClaim claim;
        try {
            claim = services.core.claimSubscription(queueName,
                    new SubscriptionIdentity(topic.name(), text(selector), noLocal), shared, description);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        try {
            SubscriptionQueue sub = services.core.subscriptions().named(queueName, spec, shared ? "shared" : "durable");
            Runnable onClose = () -> {
                if (claim.release() && deleteAfterLast) {
                    services.core.subscriptions().delete(sub);
                }
            };
            return new ConsumerSource(sub.queueUrl(), subscriptionFilter(selector, noLocal), text(selector), noLocal,
                    onClose);
        } catch (RuntimeException e) {
            claim.release();
            throw e;
        }
    }

    /** Removes a durable subscription (unshared first, then shared) of this connection's client ID. */
    void unsubscribe(String name) throws JMSException {
        String clientId = connection.clientIdOrNull();
        for (boolean fifo : new boolean[] {false, true}) {
            for (String queueName : new String[] {
                    clientId == null ? null : services.core.names().durableSubscriptionQueue(clientId, name, fifo),
                    services.core.names().sharedDurableSubscriptionQueue(clientId, name, fifo)}) {
                if (queueName == null) {
                    continue;
                }
                if (services.core.isSubscriptionClaimed(queueName)) {
                    throw new IllegalStateException("durable subscription '" + name
                            + "' has an active consumer; close it before unsubscribing");
                }
                if (services.core.subscriptions().exists(queueName)) {
                    services.core.subscriptions().unsubscribe(queueName, "durable subscription '" + name + "'");
                    return;
                }
            }
        }
        throw new InvalidDestinationException("no durable subscription '" + name + "'"
                + (clientId == null ? " without a client ID" : " for client ID '" + clientId + "'"));
    }

    private static Subscriptions.Spec spec(HakeDestination topic, Selector selector, boolean noLocal) {
        Optional<String> policy = selector == null ? Optional.empty() : SnsFilterPolicy.from(selector);
        return new Subscriptions.Spec(topic.name(), policy, text(selector), noLocal);
    }

    private dev.hake.core.receive.MessageFilter subscriptionFilter(Selector selector, boolean noLocal) {
        return SelectorFilter.forSubscription(selector, noLocal ? connection.id() : null);
    }

    private static String text(Selector selector) {
        return selector == null ? null : selector.text();
    }
}
