package dev.hake.jms;

import dev.hake.core.HakeCore;
import dev.hake.core.HakeSettings;
import dev.hake.testing.InMemoryAws;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the JMS-semantics unit tests: the real JMS layer and the real core, on SNS and SQS in
 * memory ({@link InMemoryAws}), with no sockets. Each test gets a backend of its own, and its
 * connections are closed and the backend dropped after it.
 */
abstract class InMemoryJmsTest {

    /** How long a receive that should find a message waits at most: generous, it returns at once when one comes. */
    static final long WAIT = 10_000;

    protected InMemoryAws aws;
    protected HakeConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void openBackend() {
        aws = new InMemoryAws();
        factory = factory(aws.settings().build());
    }

    /** A factory whose connections run on this test's backend. */
    protected HakeConnectionFactory factory(HakeSettings settings) {
        return new HakeConnectionFactory(settings, (s, user, password, threads) -> HakeCore.open(s, aws.clients(), threads));
    }

    protected Connection connection() throws JMSException {
        return track(factory.createConnection());
    }

    protected Connection startedConnection() throws JMSException {
        Connection c = connection();
        c.start();
        return c;
    }

    /** A session of a new started connection. */
    protected Session startedSession(int acknowledgeMode) throws JMSException {
        return startedConnection().createSession(acknowledgeMode);
    }

    /** A started connection with a client ID of its own, for durable subscriptions. */
    protected Connection startedConnectionWithClientId() throws JMSException {
        Connection c = connection();
        c.setClientID("client-" + UUID.randomUUID());
        c.start();
        return c;
    }

    protected Connection track(Connection c) {
        connections.add(c);
        return c;
    }

    @AfterEach
    void closeConnectionsAndBackend() throws JMSException {
        try {
            for (Connection c : connections) {
                c.close();
            }
        } finally {
            aws.close();
        }
    }
}
