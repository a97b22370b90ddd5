package dev.hake.ra.inbound;

import dev.hake.jms.HakeConnection;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message-driven bean's consumption: a connection, a connection consumer on the bean's queue or
 * subscription, and a pool of server sessions that run deliveries on the server's threads. One
 * consumer polls for all the bean's sessions (ten messages a poll), so a durable subscription, which
 * allows one consumer, is still consumed {@code maxSessions} messages at a time.
 *
 * <p>Stopping loses nothing: the consumer stops and gives back what it prefetched at once, the
 * deliveries in progress finish (up to {@link #DRAIN_LIMIT}), and messages loaded into a session
 * that did not run go back when the session closes.
 */
public final class InboundActivation {

    private static final Logger LOG = LoggerFactory.getLogger(InboundActivation.class);
    /** How long stopping waits for deliveries in progress before it closes their sessions under them. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    /** A long poll's longest wait (20 s) and a margin for its answer to land. */
    static final Duration POLLS_LANDED_LIMIT = Duration.ofSeconds(25);

    /** What to consume and how, as the activation spec says it. */
    public record Target(String destination, String destinationLookup, boolean topic, boolean durable,
                         boolean shared, String subscriptionName, String selector, int maxSessions,
                         int maxMessages, int sessionMode) {
    }

    private final ConnectionFactory factory;
    private final Target target;
    private final MessageEndpointFactory endpoints;
    private final WorkManager workManager;
    private Connection connection;
    private EndpointSessionPool pool;
    private ConnectionConsumer consumer;

    public InboundActivation(ConnectionFactory factory, Target target, MessageEndpointFactory endpoints,
                             WorkManager workManager) {
        this.factory = factory;
        this.target = target;
        this.endpoints = endpoints;
        this.workManager = workManager;
    }

    /**
     * Opens the connection and the consumer and starts delivering.
     *
     * @throws ResourceException naming what failed; nothing is left open
     */
    public synchronized void start() throws ResourceException {
        try {
            boolean transacted = endpoints.isDeliveryTransacted(EndpointListener.ON_MESSAGE);
            connection = factory.createConnection();
            connection.setExceptionListener(e -> LOG.warn("hake activation {}: {}", target.destination(), e.getMessage()));
            pool = new EndpointSessionPool(connection, endpoints, workManager, target.maxSessions(), transacted,
                    target.sessionMode());
            consumer = openConsumer(resolveDestination());
            connection.start();
        } catch (JMSException | NamingException | NoSuchMethodException | RuntimeException e) {
            closeQuietly();
            throw new ResourceException("hake could not start consuming "
                    + (target.destination() != null ? target.destination() : target.destinationLookup()) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Stops consuming; see the class comment for why nothing is lost. */
    public synchronized void stop() {
        if (connection == null) {
            return;
        }
        try {
            if (consumer != null) {
                consumer.close();
            }
            if (pool != null && !pool.drain(DRAIN_LIMIT)) {
                LOG.warn("hake activation {}: deliveries still running after {} s; closing their sessions, "
                        + "which gives their messages back to the queue", target.destination(), DRAIN_LIMIT.toSeconds());
            }
        } catch (JMSException e) {
            LOG.warn("hake activation {}: closing the consumer failed: {}", target.destination(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
        }
    }

    /**
     * A long poll still in flight brings messages after the connection closed, and the connection
     * gives them back when it lands; a server that exited before then would leave them hidden for a
     * visibility timeout. So stopping waits for that, up to a long poll's wait and a margin.
     */
    private void awaitPollsInFlight() {
        if (connection instanceof HakeConnection hake) {
            try {
                if (!hake.awaitReleased(POLLS_LANDED_LIMIT)) {
                    LOG.warn("hake activation {}: a receive still in flight after {} s; what it brings stays hidden"
                            + " for a visibility timeout", target.destination(), POLLS_LANDED_LIMIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ConnectionConsumer openConsumer(Destination destination) throws JMSException {
        String selector = target.selector() == null || target.selector().isBlank() ? null : target.selector();
        int max = target.maxMessages();
        if (!target.topic()) {
            return connection.createConnectionConsumer(destination, selector, pool, max);
        }
        Topic topic = (Topic) destination;
        String name = target.subscriptionName();
        if (target.durable()) {
            return target.shared() ? connection.createSharedDurableConnectionConsumer(topic, name, selector, pool, max)
                    : connection.createDurableConnectionConsumer(topic, name, selector, pool, max);
        }
        return target.shared() ? connection.createSharedConnectionConsumer(topic, name, selector, pool, max)
                : connection.createConnectionConsumer(topic, selector, pool, max);
    }

    private Destination resolveDestination() throws JMSException, NamingException {
        if (target.destinationLookup() != null && !target.destinationLookup().isBlank()) {
            Object found = new InitialContext().lookup(target.destinationLookup());
            if (target.topic() ? !(found instanceof Topic) : !(found instanceof Queue)) {
                throw new JMSException("destinationLookup '" + target.destinationLookup() + "' names "
                        + (found == null ? "nothing" : "a " + found.getClass().getName()) + ", not a "
                        + (target.topic() ? "jakarta.jms.Topic" : "jakarta.jms.Queue"));
            }
            return (Destination) found;
        }
        try (Session session = connection.createSession()) {
            return target.topic() ? session.createTopic(target.destination()) : session.createQueue(target.destination());
        }
    }

    private void closeQuietly() {
        if (pool != null) {
            pool.close();
        }
        if (connection != null) {
            try {
                connection.close();
                awaitPollsInFlight();
            } catch (JMSException e) {
                LOG.warn("hake activation {}: closing the connection failed: {}", target.destination(), e.getMessage());
            }
        }
        connection = null;
        pool = null;
        consumer = null;
    }
}
