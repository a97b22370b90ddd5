package dev.hake.jms;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.testing.BackendResources;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the JMS integration tests: a backend chosen by -Dhake.test.backend, a connection
 * factory with a prefix of its own per test, and clean-up of every connection and AWS resource
 * the test made.
 */
@ExtendWith(HakeBackendExtension.class)
abstract class JmsIntegrationTest {

    protected HakeTestBackend backend;
    protected BackendResources aws;
    protected String prefix;
    protected HakeConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void openBackend(HakeTestBackend backend) {
        this.backend = backend;
        this.aws = new BackendResources(backend.endpoint(), backend.region(), backend.accessKeyId(),
                backend.secretAccessKey());
        this.prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.factory = factory("");
    }

    /** A factory on the test's backend and prefix, with extra URI options ("" for none). */
    protected HakeConnectionFactory factory(String extraOptions) {
        String options = "prefix=" + prefix + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
        return new HakeConnectionFactory(backend.hakeUri(options));
    }

    protected Connection connection() throws JMSException {
        return track(factory.createConnection());
    }

    protected Connection startedConnection() throws JMSException {
        Connection c = connection();
        c.start();
        return c;
    }

    protected Connection track(Connection c) {
        connections.add(c);
        return c;
    }

    @AfterEach
    void cleanUp() throws JMSException {
        for (Connection c : connections) {
            c.close();
        }
        aws.deleteAll(prefix);
        aws.close();
    }
}
