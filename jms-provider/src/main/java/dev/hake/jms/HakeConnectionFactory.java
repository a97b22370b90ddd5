package dev.hake.jms;

import dev.hake.core.HakeCore;
import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.HakeUri;
import dev.hake.core.observe.Observers;
import dev.hake.core.TemporaryResources;
import dev.hake.jms.context.ContextsOverConnections;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The entry point: a JMS ConnectionFactory whose broker is SNS and SQS.
 *
 * <pre>{@code
 * ConnectionFactory cf = new HakeConnectionFactory("hake:?region=eu-west-1&prefix=prod-");
 * }</pre>
 *
 * <p>For Spring, JNDI and application servers it also has a no-argument constructor and
 * JavaBean setters, one per URI option, plus {@link #setUri}. They compose in any order: the URI's
 * options apply on top of what the setters set, and an option that a setter and the URI set to
 * different values is refused, naming both.
 *
 * <p>{@code createConnection(user, password)} takes an AWS access key id and secret key: that
 * connection uses them instead of the configured credentials.
 */
public class HakeConnectionFactory implements ContextsOverConnections, QueueConnectionFactory, TopicConnectionFactory,
        Serializable {

    private static final long serialVersionUID = 1L;

    /** The settings given to the constructor, as a hake URI; null when there were none. Holds secrets: never print it. */
    private final String given;
    /** What each setter was given, by URI option key, in the URI's text form. */
    private LinkedHashMap<String, String> setterValues = new LinkedHashMap<>();
    private String uri;
    /** The region of the environment, asked for once: off EC2 the asking costs most of a second. */
    private transient String environmentRegion;
    /** How connections get their core; null (after deserialisation too) means as the settings say. */
    private transient CoreOpener coreOpener;
    /** Where connections' meters go (a Micrometer MeterRegistry); null: Micrometer's global registry, if present. */
    private transient Object meterRegistry;
    /** What connections make spans with (an OpenTelemetry); null: no spans of hake's own. */
    private transient Object openTelemetry;

    public HakeConnectionFactory() {
        this.given = null;
    }

    /** A factory configured by a {@code hake:} URI. */
    public HakeConnectionFactory(String uri) {
        this();
        setUri(uri);
    }

    /** A factory with these settings; setters and {@link #setUri} change them as they would the defaults. */
    public HakeConnectionFactory(HakeSettings settings) {
        this.given = HakeUri.of(settings);
    }

    /** A factory whose connections open their core with {@code coreOpener}: the unit tests' in-memory backend. */
    HakeConnectionFactory(HakeSettings settings, CoreOpener coreOpener) {
        this(settings);
        this.coreOpener = coreOpener;
    }

    /**
     * The settings connections made now would get.
     *
     * @throws IllegalArgumentException if the setters and the URI do not make valid settings together
     */
    public synchronized HakeSettings settings() {
        return compose().build();
    }

    /**
     * The given settings, then the setters, then the URI on top. Refuses an option that the setters
     * and the URI set to different values: whichever was meant, one of them would be lost silently.
     */
    private HakeSettings.Builder compose() {
        HakeSettings.Builder builder = given == null ? HakeSettings.builder() : HakeUri.apply(HakeSettings.builder(), given);
        setterValues.forEach((key, value) -> HakeUri.set(builder, key, value));
        if (uri == null) {
            return builder;
        }
        HakeUri.Parts parts = HakeUri.read(uri);
        if (parts.embedded()) {
            String endpoint = setterValues.get("endpoint");
            if (endpoint != null && HakeUri.value("endpoint", endpoint) != null) {
                throw new IllegalArgumentException("endpoint is set twice: '" + endpoint + "' by setEndpoint"
                        + " and the embedded backend by the hake URI 'hake:embedded'");
            }
            builder.embedded(true);
        }
        parts.options().forEach((key, value) -> {
            String bySetter = setterValues.get(key);
            if (bySetter != null && !Objects.equals(HakeUri.value(key, bySetter), HakeUri.value(key, value))) {
                throw new IllegalArgumentException(setTwice(key, bySetter, value));
            }
            HakeUri.set(builder, key, value);
        });
        return builder;
    }

    private static String setTwice(String key, String bySetter, String byUri) {
        String setter = "set" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
        if (HakeUri.isSecret(key)) {
            return key + " is set twice, to different values, by " + setter + " and by the hake URI (values not shown)";
        }
        return key + " is set twice: '" + bySetter + "' by " + setter + " and '" + byUri + "' by the hake URI";
    }

    /**
     * Records a setter's value (null takes it back), then checks everything set so far. A value that
     * is refused stays recorded, so that a container which logs a failing setter and carries on gets
     * the same error from createConnection rather than a connection without that value.
     */
    private synchronized void set(String key, String value) {
        if (value == null) {
            setterValues.remove(key);
        } else {
            setterValues.put(key, value);
        }
        compose();
    }

    /**
     * Applies every option of a {@code hake:} URI on top of what the setters set. A second call
     * replaces the first URI; the setters' values stay.
     */
    public synchronized void setUri(String uri) {
        this.uri = uri;
        compose();
    }

    public void setRegion(String region) {
        set("region", region);
    }

    public void setEndpoint(String endpoint) {
        set("endpoint", endpoint);
    }

    public void setPrefix(String prefix) {
        set("prefix", prefix);
    }

    public void setClientId(String clientId) {
        set("clientId", clientId);
    }

    public void setCreateDestinations(boolean createDestinations) {
        set("createDestinations", Boolean.toString(createDestinations));
    }

    public void setAccessKeyId(String accessKeyId) {
        set("accessKeyId", accessKeyId);
    }

    public void setSecretAccessKey(String secretAccessKey) {
        set("secretAccessKey", secretAccessKey);
    }

    public void setSessionToken(String sessionToken) {
        set("sessionToken", sessionToken);
    }

    public void setReceiveBatchSize(int receiveBatchSize) {
        set("receiveBatchSize", Integer.toString(receiveBatchSize));
    }

    public void setReceiveWaitSeconds(int receiveWaitSeconds) {
        set("receiveWaitSeconds", Integer.toString(receiveWaitSeconds));
    }

    public void setVisibilityTimeoutSeconds(int visibilityTimeoutSeconds) {
        set("visibilityTimeoutSeconds", Integer.toString(visibilityTimeoutSeconds));
    }

    public void setListenerThreads(int listenerThreads) {
        set("listenerThreads", Integer.toString(listenerThreads));
    }

    /** Comma-separated packages an ObjectMessage may deserialise from; empty for none, null for the default. */
    public void setTrustedPackages(String trustedPackages) {
        set("trustedPackages", trustedPackages);
    }

    public void setMaxDeliveries(int maxDeliveries) {
        set("maxDeliveries", Integer.toString(maxDeliveries));
    }

    public void setDeadLetterQueue(String deadLetterQueue) {
        set("deadLetterQueue", deadLetterQueue);
    }

    public void setRedeliveryDelaySeconds(int redeliveryDelaySeconds) {
        set("redeliveryDelaySeconds", Integer.toString(redeliveryDelaySeconds));
    }

    public void setRedeliveryBackoffMultiplier(double redeliveryBackoffMultiplier) {
        set("redeliveryBackoffMultiplier", Double.toString(redeliveryBackoffMultiplier));
    }

    public void setMaxRedeliveryDelaySeconds(int maxRedeliveryDelaySeconds) {
        set("maxRedeliveryDelaySeconds", Integer.toString(maxRedeliveryDelaySeconds));
    }

    public void setRoleArn(String roleArn) {
        set("roleArn", roleArn);
    }

    public void setRoleExternalId(String roleExternalId) {
        set("roleExternalId", roleExternalId);
    }

    public void setRoleSessionName(String roleSessionName) {
        set("roleSessionName", roleSessionName);
    }

    /** The S3 bucket for bodies too large for SQS or SNS: {@link HakeSettings.Builder#largeMessageBucket}. */
    public void setLargeMessageBucket(String largeMessageBucket) {
        set("largeMessageBucket", largeMessageBucket);
    }

    /** Encoded size above which a body goes to S3: {@link HakeSettings.Builder#largeMessageThreshold}. */
    public void setLargeMessageThreshold(int largeMessageThreshold) {
        set("largeMessageThreshold", Integer.toString(largeMessageThreshold));
    }

    /** Every body through S3, whatever its size: {@link HakeSettings.Builder#largeMessageAlwaysThroughS3}. */
    public void setLargeMessageAlwaysThroughS3(boolean largeMessageAlwaysThroughS3) {
        set("largeMessageAlwaysThroughS3", Boolean.toString(largeMessageAlwaysThroughS3));
    }

    /**
     * Whether acknowledging a large message deletes its S3 object:
     * {@link HakeSettings.Builder#largeMessageDeleteOnAcknowledge}.
     */
    public void setLargeMessageDeleteOnAcknowledge(boolean largeMessageDeleteOnAcknowledge) {
        set("largeMessageDeleteOnAcknowledge", Boolean.toString(largeMessageDeleteOnAcknowledge));
    }

    /**
     * Deletes the temporary queues and topics, under this factory's prefix, whose connection has
     * shown no sign of life for {@code olderThan} (at least 15 minutes): the leftovers of processes
     * that crashed. Returns how many it deleted.
     */
    public int deleteOrphanedTemporaryDestinations(java.time.Duration olderThan) throws JMSException {
        try {
            return TemporaryResources.sweepOrphans(connectionSettings(), olderThan);
        } catch (HakeException e) {
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
        HakeSettings settings = connectionSettings();
        CoreOpener opener = coreOpener;
        if (opener == null) {
            Object registry;
            Object tracing;
            synchronized (this) {
                registry = meterRegistry;
                tracing = openTelemetry;
            }
            opener = CoreOpener.observed(Observers.of(settings, registry, tracing));
        }
        return HakeConnection.open(settings, user, password, opener);
    }

    /**
     * Where the meters of connections made from now on go: a Micrometer
     * {@code io.micrometer.core.instrument.MeterRegistry} (typed {@code Object} so that hake runs
     * without Micrometer). Default: Micrometer's global registry ({@code Metrics.globalRegistry})
     * when Micrometer is on the classpath, so that JNDI and application-server users get meters
     * without code. The meters are listed in docs/observability.md.
     *
     * @throws IllegalArgumentException if {@code meterRegistry} is not a MeterRegistry
     */
    public synchronized void setMeterRegistry(Object meterRegistry) {
        Observers.requireMeterRegistry(meterRegistry);
        this.meterRegistry = meterRegistry;
    }

    /**
     * What connections made from now on make their spans with: an
     * {@code io.opentelemetry.api.OpenTelemetry} (typed {@code Object} so that hake runs without
     * OpenTelemetry). Default: none; hake makes no spans of its own, but trace context set on a
     * message (by the OpenTelemetry agent, or Micrometer's JMS instrumentation) still travels.
     *
     * @throws IllegalArgumentException if {@code openTelemetry} is not an OpenTelemetry
     */
    public synchronized void setOpenTelemetry(Object openTelemetry) {
        Observers.requireOpenTelemetry(openTelemetry);
        this.openTelemetry = openTelemetry;
    }

    /**
     * The settings a connection gets. Without a region, an endpoint or the embedded backend it is AWS
     * in the environment's region, which this factory asks the SDK for once and keeps: its last
     * step, off EC2, is a probe of the instance-metadata address that takes most of a second.
     */
    synchronized HakeSettings connectionSettings() throws JMSException {
        HakeSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            JMSException jms = new JMSException("invalid hake settings: " + e.getMessage());
            jms.initCause(e);
            throw jms;
        }
        if (settings.region().isPresent() || settings.endpoint().isPresent() || settings.embedded()) {
            return settings;
        }
        try {
            if (environmentRegion == null) {
                environmentRegion = HakeCore.regionFromEnvironment();
            }
        } catch (HakeException e) {
            throw JmsErrors.toJms(e);
        }
        return settings.toBuilder().region(environmentRegion).build();
    }

    @Override
    public synchronized String toString() {
        try {
            return "HakeConnectionFactory[" + settings() + "]";
        } catch (IllegalArgumentException e) {
            return "HakeConnectionFactory[invalid: " + e.getMessage() + "]";
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (setterValues == null) {
            // Serialised by a version that kept only the URI.
            setterValues = new LinkedHashMap<>();
        }
    }
}
