package dev.hake.jms;

import dev.hake.core.TemporaryResources;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary queues and topics of one connection, with what JMS says of them: only their
 * connection consumes from them, and one with consumers cannot be deleted. Core creates them
 * tagged so that orphans of a crashed process can be swept, keeps them alive, and deletes them
 * when the connection closes.
 */
final class TemporaryDestinations {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDestinations.class);

    private final ConnectionServices services;
    private final String connectionId;
    private final AtomicInteger sequence = new AtomicInteger();
    /** Live temporary destinations, by JMS name, with their consumer counts. */
    private final Map<String, AtomicInteger> consumers = new ConcurrentHashMap<>();
    private final Map<String, HakeDestination> live = new ConcurrentHashMap<>();

    TemporaryDestinations(ConnectionServices services, String connectionId) {
        this.services = services;
        this.connectionId = connectionId;
    }

    HakeTemporaryQueue createQueue() throws JMSException {
        HakeTemporaryQueue queue = new HakeTemporaryQueue(nextName(), this);
        try {
            services.core.temporaries().create(queue.toWire(), connectionId);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        register(queue);
        return queue;
    }

    HakeTemporaryTopic createTopic() throws JMSException {
        HakeTemporaryTopic topic = new HakeTemporaryTopic(nextName(), this);
        try {
            services.core.temporaries().create(topic.toWire(), connectionId);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        register(topic);
        return topic;
    }

    private String nextName() {
        return TemporaryResources.NAME_PREFIX + connectionId + "-" + sequence.incrementAndGet();
    }

    private void register(HakeDestination d) {
        live.put(d.name(), d);
        consumers.put(d.name(), new AtomicInteger());
    }

    /** Fails unless this connection created the destination and has not deleted it. */
    void checkConsumable(HakeDestination d) throws JMSException {
        if (!live.containsKey(d.name())) {
            throw new InvalidDestinationException("temporary destination " + d.name()
                    + " was deleted, or was created by another connection: only its own connection may consume from it");
        }
    }

    void consumerOpened(HakeDestination d) {
        AtomicInteger n = consumers.get(d.name());
        if (n != null) {
            n.incrementAndGet();
        }
    }

    void consumerClosed(HakeDestination d) {
        AtomicInteger n = consumers.get(d.name());
        if (n != null) {
            n.decrementAndGet();
        }
    }

    /** Deletes one; an error while it still has consumers. */
    void delete(HakeDestination d) throws JMSException {
        AtomicInteger n = consumers.get(d.name());
        if (n == null) {
            return;
        }
        if (n.get() > 0) {
            throw new IllegalStateException("temporary destination " + d.name() + " still has " + n.get()
                    + " consumer(s); close them before deleting it");
        }
        remove(d);
    }

    /** Refreshes the alive tag of every live temporary destination, so the sweeper leaves them alone. */
    void heartbeat() {
        for (HakeDestination d : live.values()) {
            try {
                services.core.temporaries().markAlive(d.toWire());
            } catch (RuntimeException e) {
                LOG.warn("could not refresh a temporary destination's alive tag [name={}]: {}", d.name(), e.getMessage());
            }
        }
    }

    /** Deletes them all: the connection is closing. */
    void deleteAll() {
        for (HakeDestination d : live.values()) {
            try {
                remove(d);
            } catch (RuntimeException e) {
                // The sweeper removes what is left; closing must go on.
                LOG.warn("could not delete temporary destination [name={}]: {}", d.name(), e.getMessage());
            }
        }
    }

    private void remove(HakeDestination d) {
        live.remove(d.name());
        consumers.remove(d.name());
        services.core.temporaries().delete(d.toWire());
    }
}
