package dev.hake.jms;

import dev.hake.core.SubscriptionRequest;
import dev.hake.core.SubscriptionSource;
import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.SelectorFilter;
import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SelectorSyntaxException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;

/**
 * Finds or creates the SQS queue each kind of JMS consumer reads from, with the filter that goes
 * with it: a queue itself, or a topic subscription of one of JMS's four kinds, which core opens (and
 * claims, and removes) by the same rules for every face.
 */
final class ConsumerOpener {

    private final HakeConnection connection;
    private final ConnectionServices services;

    ConsumerOpener(HakeConnection connection) {
        this.connection = connection;
        this.services = connection.services();
    }

    /** One of the finders below, as a consumer's kind picks it. */
    @FunctionalInterface
    interface SourceLookup {
        ConsumerSource find() throws JMSException;
    }

    /** Runs a lookup, with core's failures as JMS exceptions. */
    ConsumerSource find(SourceLookup lookup) throws JMSException {
        try {
            return lookup.find();
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    /** A receive buffer on the source's queue, applying its filter; not started. */
    ReceiveBuffer receiverOn(ConsumerSource source, HakeDestination destination) {
        ReceiveBuffer receiver = services.core.newReceiver(source.queueUrl(), destination.toWire());
        receiver.filter(source.filter());
        return receiver;
    }

    ConsumerSource queue(HakeDestination queue, String selectorText) throws JMSException {
        Selector selector = parseSelector(selectorText);
        boolean temporary = queue.toWire().kind().isTemporary();
        if (temporary) {
            connection.temporaries().checkConsumable(queue);
        }
        String url = services.core.consumedQueueUrl(queue.toWire());
        return new ConsumerSource(url, SelectorFilter.forQueue(selector), text(selector), false, () -> { });
    }

    ConsumerSource nonDurable(HakeDestination topic, String selectorText, boolean noLocal) throws JMSException {
        Selector selector = parseSelector(selectorText);
        if (topic.toWire().kind().isTemporary()) {
            connection.temporaries().checkConsumable(topic);
        }
        return subscribe(SubscriptionRequest.nonDurable(topic.name(), selector, local(noLocal)), selector, noLocal);
    }

    ConsumerSource durable(HakeDestination topic, String name, String selectorText, boolean noLocal)
            throws JMSException {
        Selector selector = parseSelector(selectorText);
        String clientId = connection.requireClientId("an unshared durable subscription");
        return subscribe(SubscriptionRequest.durable(topic.name(), name, clientId, selector, local(noLocal)),
                selector, noLocal);
    }

    ConsumerSource sharedDurable(HakeDestination topic, String name, String selectorText) throws JMSException {
        Selector selector = parseSelector(selectorText);
        return subscribe(SubscriptionRequest.sharedDurable(topic.name(), name, connection.clientIdOrNull(), selector),
                selector, false);
    }

    ConsumerSource shared(HakeDestination topic, String name, String selectorText) throws JMSException {
        Selector selector = parseSelector(selectorText);
        return subscribe(SubscriptionRequest.shared(topic.name(), name, connection.clientIdOrNull(), selector),
                selector, false);
    }

    private ConsumerSource subscribe(SubscriptionRequest request, Selector selector, boolean noLocal)
            throws JMSException {
        SubscriptionSource source;
        try {
            source = services.core.subscribe(request);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        return new ConsumerSource(source.queueUrl(), source.filter(), text(selector), noLocal, source::close);
    }

    /** Removes a durable subscription (unshared first, then shared) of this connection's client ID. */
    void unsubscribe(String name) throws JMSException {
        try {
            services.core.unsubscribeDurable(connection.clientIdOrNull(), name);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    /** The connection whose messages a noLocal consumer must not see; null when it sees them all. */
    private String local(boolean noLocal) {
        return noLocal ? connection.id() : null;
    }

    /** Parses a selector, with JMS's error for bad syntax; null or blank means none. */
    private static Selector parseSelector(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            return Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            InvalidSelectorException ise = new InvalidSelectorException("invalid message selector: " + e.getMessage());
            ise.initCause(e);
            throw ise;
        }
    }

    private static String text(Selector selector) {
        return selector == null ? null : selector.text();
    }
}
