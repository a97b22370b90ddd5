package dev.hake.jms;

import dev.hake.core.HakeSettings;
import dev.hake.core.HakeUri;
import dev.hake.jms.context.HakeJMSContext;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.io.Serializable;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point: a JMS ConnectionFactory whose broker is SNS and SQS.
 *
 * <pre>{@code
 * ConnectionFactory cf = new HakeConnectionFactory("hake:?region=eu-west-1&prefix=prod-");
 * }</pre>
 *
 * <p>For Spring, JNDI and application servers it also has a no-argument constructor and
 * JavaBean setters, one per URI option; a setter called after the URI overrides it.
 *
 * <p>{@code createConnection(user, password)} takes an AWS access key id and secret key: that
 * connection uses them instead of the configured credentials.
 */
public class HakeConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable {

    private static final long serialVersionUID = 1L;

    private transient HakeSettings.Builder builder = HakeSettings.builder();
    private String uri;

    public HakeConnectionFactory() {
    }

    /** A factory configured by a {@code hake:} URI. */
    public HakeConnectionFactory(String uri) {
        setUri(uri);
    }

    public HakeConnectionFactory(HakeSettings settings) {
        this.builder = settings.toBuilder();
    }

    /** The settings connections made now would get. */
    public synchronized HakeSettings settings() {
        return builder().build();
    }

    private HakeSettings.Builder builder() {
        if (builder == null) {
            // Deserialised: rebuild from the URI (setters applied after it are not serialised).
            builder = uri == null ? HakeSettings.builder() : HakeUri.apply(HakeSettings.builder(), uri);
        }
        return builder;
    }

    /** Applies every option of a {@code hake:} URI. */
    public synchronized void setUri(String uri) {
        this.builder = HakeUri.apply(HakeSettings.builder(), uri);
        this.uri = uri;
    }

    public synchronized void setRegion(String region) {
        builder().region(region);
    }

    public synchronized void setEndpoint(String endpoint) {
        builder().endpoint(endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
    }

    public synchronized void setPrefix(String prefix) {
        builder().prefix(prefix);
    }

    public synchronized void setClientId(String clientId) {
        builder().clientId(clientId);
    }

    public synchronized void setCreateDestinations(boolean createDestinations) {
        builder().createDestinations(createDestinations);
    }

    public synchronized void setAccessKeyId(String accessKeyId) {
        builder().accessKeyId(accessKeyId);
    }

    public synchronized void setSecretAccessKey(String secretAccessKey) {
        builder().secretAccessKey(secretAccessKey);
    }

    public synchronized void setSessionToken(String sessionToken) {
        builder().sessionToken(sessionToken);
    }

    public synchronized void setReceiveBatchSize(int receiveBatchSize) {
        builder().receiveBatchSize(receiveBatchSize);
    }

    public synchronized void setReceiveWaitSeconds(int receiveWaitSeconds) {
        builder().receiveWaitSeconds(receiveWaitSeconds);
    }

    public synchronized void setVisibilityTimeoutSeconds(int visibilityTimeoutSeconds) {
        builder().visibilityTimeoutSeconds(visibilityTimeoutSeconds);
    }

    public synchronized void setListenerThreads(int listenerThreads) {
        builder().listenerThreads(listenerThreads);
    }

    /** Comma-separated packages an ObjectMessage may deserialise from. */
    public synchronized void setTrustedPackages(String trustedPackages) {
        List<String> packages = trustedPackages == null || trustedPackages.isBlank() ? List.of()
                : Arrays.stream(trustedPackages.split(",")).map(String::trim).toList();
        builder().trustedPackages(packages);
    }

    /**
     * Deletes the temporary queues and topics, under this factory's prefix, whose connection has
     * shown no sign of life for {@code olderThan} (at least 15 minutes): the leftovers of processes
     * that crashed. Returns how many it deleted.
     */
    public int deleteOrphanedTemporaryDestinations(java.time.Duration olderThan) throws JMSException {
        try {
            return TemporaryDestinationSweeper.sweep(settings(), olderThan);
        } catch (dev.hake.core.HakeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    @Override
    public Connection createConnection() throws JMSException {
        return connect(null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return connect(userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return connect(null, null);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return connect(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return connect(null, null);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return connect(userName, password);
    }

    private HakeConnection connect(String user, String password) throws JMSException {
        HakeSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            JMSException jms = new JMSException("invalid hake settings: " + e.getMessage());
            jms.initCause(e);
            throw jms;
        }
        return HakeConnection.open(settings, user, password);
    }

    @Override
    public JMSContext createContext() {
        return HakeJMSContext.open(this::createConnection, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return HakeJMSContext.open(() -> createConnection(userName, password), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return HakeJMSContext.open(() -> createConnection(userName, password), sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return HakeJMSContext.open(this::createConnection, sessionMode);
    }

    @Override
    public synchronized String toString() {
        return "HakeConnectionFactory[" + settings() + "]";
    }
}
