package dev.hake.jms;

import dev.hake.core.receive.ReceiveBuffer;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection consumers of one connection: opening them on the same sources as session consumers
 * (queue, non-durable, durable, shared, shared durable), starting and stopping them with the
 * connection, and closing them all.
 */
final class ConnectionConsumers {

    private final HakeConnection connection;
    private final ConsumerOpener opener;
    private final List<HakeConnectionConsumer> open = new CopyOnWriteArrayList<>();

    ConnectionConsumers(HakeConnection connection) {
        this.connection = connection;
        this.opener = new ConsumerOpener(connection);
    }

    ConnectionConsumer plain(Destination destination, String selector, ServerSessionPool pool, int maxMessages)
            throws JMSException {
        HakeDestination d = SessionConsumers.requireDestination(destination);
        return open(d, pool, maxMessages,
                () -> d.toWire().isTopic() ? opener.nonDurable(d, selector, false) : opener.queue(d, selector));
    }

    ConnectionConsumer durable(Topic topic, String name, String selector, ServerSessionPool pool, int maxMessages)
            throws JMSException {
        HakeDestination d = SessionConsumers.requireTopic(topic, name, "a durable subscription");
        return open(d, pool, maxMessages, () -> opener.durable(d, name, selector, false));
    }

    ConnectionConsumer shared(Topic topic, String name, String selector, ServerSessionPool pool, int maxMessages)
            throws JMSException {
        HakeDestination d = SessionConsumers.requireTopic(topic, name, "a shared subscription");
        return open(d, pool, maxMessages, () -> opener.shared(d, name, selector));
    }

    ConnectionConsumer sharedDurable(Topic topic, String name, String selector, ServerSessionPool pool,
                                     int maxMessages) throws JMSException {
        HakeDestination d = SessionConsumers.requireTopic(topic, name, "a shared durable subscription");
        return open(d, pool, maxMessages, () -> opener.sharedDurable(d, name, selector));
    }

    private ConnectionConsumer open(HakeDestination destination, ServerSessionPool pool, int maxMessages,
                                    ConsumerOpener.SourceLookup lookup) throws JMSException {
        connection.checkOpen();
        if (pool == null) {
            throw new JMSException("a connection consumer needs a ServerSessionPool, was null");
        }
        if (maxMessages < 1) {
            throw new JMSException("maxMessages must be at least 1, was " + maxMessages);
        }
        ConsumerSource source = opener.find(lookup);
        ReceiveBuffer receiver = opener.receiverOn(source, destination);
        HakeConnectionConsumer consumer = new HakeConnectionConsumer(connection, this, destination, source, receiver,
                pool, maxMessages);
        open.add(consumer);
        connection.temporaries().consumerOpened(destination);
        if (connection.isStarted()) {
            consumer.start();
        }
        return consumer;
    }

    /** Called by a connection consumer as it closes: ends its part in the subscription, if it read one. */
    void closed(HakeConnectionConsumer consumer) {
        open.remove(consumer);
        connection.temporaries().consumerClosed(consumer.destination());
        consumer.source().onClose().run();
    }

    void startAll() {
        open.forEach(HakeConnectionConsumer::start);
    }

    void stopAll() {
        open.forEach(HakeConnectionConsumer::stop);
    }

    /** Closes every connection consumer; the first failure is thrown once all are closed. */
    JMSException closeAll() {
        JMSException first = null;
        for (HakeConnectionConsumer c : open) {
            try {
                c.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        return first;
    }
}
