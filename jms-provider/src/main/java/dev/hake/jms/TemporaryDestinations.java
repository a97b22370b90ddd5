package dev.hake.jms;

import dev.hake.core.aws.Topology;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The temporary queues and topics of one connection: created on demand, tagged so that orphans
 * of a crashed process can be found ({@link TemporaryDestinationSweeper}), deleted when the
 * connection closes.
 */
final class TemporaryDestinations {

    static final String NAME_PREFIX = "tmp-";
    static final String KIND_TAG = "hake-kind";
    static final String KIND_VALUE = "temporary";
    static final String CONNECTION_TAG = "hake-connection";
    /** Epoch millis of the last sign of life; refreshed every {@link #HEARTBEAT} while the connection is open. */
    static final String ALIVE_TAG = "hake-alive";
    static final java.time.Duration HEARTBEAT = java.time.Duration.ofMinutes(5);

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
            services.core.topology().queueUrl(services.core.names().queue(queue.name()), true, tags());
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        register(queue);
        return queue;
    }

    HakeTemporaryTopic createTopic() throws JMSException {
        HakeTemporaryTopic topic = new HakeTemporaryTopic(nextName(), this);
        try {
            services.core.topology().createTopic(services.core.names().topic(topic.name()), tags());
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        register(topic);
        return topic;
    }

    private String nextName() {
        return NAME_PREFIX + connectionId + "-" + sequence.incrementAndGet();
    }

    private Map<String, String> tags() {
        return Map.of(KIND_TAG, KIND_VALUE, CONNECTION_TAG, connectionId,
                ALIVE_TAG, Long.toString(System.currentTimeMillis()));
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
        Map<String, String> alive = Map.of(ALIVE_TAG, Long.toString(System.currentTimeMillis()));
        for (HakeDestination d : live.values()) {
            try {
                if (d.toWire().isTopic()) {
                    String arn = services.core.topology().topicArn(services.core.names().topic(d.name()), false);
                    services.core.aws().sns().tagResource(r -> r.resourceArn(arn).tags(t -> t.key(ALIVE_TAG)
                            .value(alive.get(ALIVE_TAG)))).join();
                } else {
                    services.core.topology().findQueueUrl(services.core.names().queue(d.name()))
                            .ifPresent(url -> services.core.topology().tagQueue(url, alive));
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TemporaryDestinations.class)
                        .warn("could not refresh a temporary destination's alive tag [name={}]: {}", d.name(), e.getMessage());
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
                org.slf4j.LoggerFactory.getLogger(TemporaryDestinations.class)
                        .warn("could not delete temporary destination [name={}]: {}", d.name(), e.getMessage());
            }
        }
    }

    private void remove(HakeDestination d) {
        live.remove(d.name());
        consumers.remove(d.name());
        Topology topology = services.core.topology();
        if (d.toWire().isTopic()) {
            topology.deleteTopic(topology.topicArn(services.core.names().topic(d.name()), false));
        } else {
            topology.findQueueUrl(services.core.names().queue(d.name())).ifPresent(topology::deleteQueue);
        }
    }
}
