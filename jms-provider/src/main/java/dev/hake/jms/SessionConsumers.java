package dev.hake.jms;

import dev.hake.core.receive.MessageFilter;
import dev.hake.core.receive.ReceiveBuffer;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The consumers and browsers of one session: opening them (with the checks JMS asks of the
 * arguments), starting and stopping their receivers with the connection, and closing them all.
 */
final class SessionConsumers {

    private final HakeSession session;
    private final HakeConnection connection;
    private final ConsumerOpener opener;
    private final List<HakeMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<HakeQueueBrowser> browsers = new CopyOnWriteArrayList<>();

    SessionConsumers(HakeSession session, HakeConnection connection) {
        this.session = session;
        this.connection = connection;
        this.opener = new ConsumerOpener(connection);
    }

    /** The open consumers; a live view, safe to iterate while consumers open and close. */
    List<HakeMessageConsumer> open() {
        return consumers;
    }

    HakeMessageConsumer plain(Destination destination, String selector, boolean noLocal) throws JMSException {
        HakeDestination d = requireDestination(destination);
        return open(d, () -> d.toWire().isTopic() ? opener.nonDurable(d, selector, noLocal) : opener.queue(d, selector));
    }

    HakeMessageConsumer durable(Topic topic, String name, String selector, boolean noLocal) throws JMSException {
        HakeDestination d = requireTopic(topic, name, "a durable subscription");
        return open(d, () -> opener.durable(d, name, selector, noLocal));
    }

    HakeMessageConsumer shared(Topic topic, String name, String selector) throws JMSException {
        HakeDestination d = requireTopic(topic, name, "a shared subscription");
        return open(d, () -> opener.shared(d, name, selector));
    }

    HakeMessageConsumer sharedDurable(Topic topic, String name, String selector) throws JMSException {
        HakeDestination d = requireTopic(topic, name, "a shared durable subscription");
        return open(d, () -> opener.sharedDurable(d, name, selector));
    }

    void unsubscribe(String name) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("unsubscribe needs a subscription name");
        }
        try {
            opener.unsubscribe(name);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    static HakeDestination requireDestination(Destination destination) throws InvalidDestinationException {
        if (destination == null) {
            throw new InvalidDestinationException("the destination must not be null");
        }
        return HakeMessageProducer.toHake(destination);
    }

    static HakeDestination requireTopic(Topic topic, String name, String what) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new JMSException(what + " needs a non-empty name");
        }
        HakeDestination d = requireDestination(topic);
        if (!d.toWire().isTopic()) {
            throw new InvalidDestinationException(what + " needs a topic, was " + d);
        }
        return d;
    }

    private HakeMessageConsumer open(HakeDestination destination, ConsumerOpener.SourceLookup lookup)
            throws JMSException {
        ConsumerSource source = opener.find(lookup);
        ReceiveBuffer receiver = opener.receiverOn(source, destination);
        HakeMessageConsumer consumer = new HakeMessageConsumer(session, destination, receiver, source);
        consumers.add(consumer);
        connection.temporaries().consumerOpened(destination);
        if (connection.isStarted()) {
            receiver.start();
        }
        return consumer;
    }

    void closed(HakeMessageConsumer consumer) {
        consumers.remove(consumer);
        connection.temporaries().consumerClosed(consumer.destination());
        consumer.source().onClose().run();
    }

    HakeQueueBrowser browser(Queue queue, String messageSelector) throws JMSException {
        HakeDestination d = requireDestination(queue);
        if (!(d instanceof HakeQueue q)) {
            throw new InvalidDestinationException("a browser needs a queue, was " + d);
        }
        try {
            // The queue a consumer with this selector would read, and what it would accept.
            ConsumerSource source = opener.queue(q, messageSelector);
            HakeQueueBrowser browser = new HakeQueueBrowser(session, q, source.queueUrl(), messageSelector,
                    m -> source.filter().verdict(m) == MessageFilter.Verdict.DELIVER);
            browsers.add(browser);
            return browser;
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    void browserClosed(HakeQueueBrowser browser) {
        browsers.remove(browser);
    }

    void startReceivers() {
        consumers.forEach(c -> c.receiver().start());
    }

    void stopReceivers() {
        consumers.forEach(c -> c.receiver().stop());
    }

    /** First step of a session's close: no more messages arrive. */
    void closeReceivers() {
        consumers.forEach(c -> c.receiver().close());
    }

    /** Closes every consumer, and returns the first failure (the others are closed all the same). */
    JMSException closeConsumers() {
        JMSException first = null;
        for (HakeMessageConsumer c : consumers) {
            try {
                c.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        return first;
    }

    void closeBrowsers() {
        browsers.forEach(HakeQueueBrowser::close);
    }
}
