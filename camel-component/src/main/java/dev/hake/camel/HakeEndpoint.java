package dev.hake.camel;

import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SelectorSyntaxException;
import java.util.Set;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Send to and consume from a JMS queue or topic of hake (an SQS queue, an SNS topic), with the
 * same mapping, wire format, batching and acknowledgement as hake's JMS provider.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "hake", title = "hake", syntax = "hake:destinationType:destinationName",
        category = {Category.MESSAGING, Category.CLOUD}, headersClass = HakeConstants.class)
public class HakeEndpoint extends DefaultEndpoint
        implements AsyncEndpoint, HeaderFilterStrategyAware, MultipleConsumersSupport {

    static final Set<String> DESTINATION_TYPES = Set.of("queue", "topic", "temp-queue", "temp-topic");
    /** How long SQS may hide a message: the longest redelivery delay. */
    private static final long MAX_REDELIVERY_DELAY_MILLIS = HakeSettings.MAX_VISIBILITY_SECONDS * 1000L;

    @UriPath(enums = "queue,topic,temp-queue,temp-topic")
    @Metadata(required = true)
    private String destinationType;
    @UriPath
    @Metadata(required = true)
    private String destinationName;
    @UriParam
    private HakeConfiguration configuration;
    @UriParam(label = "consumer")
    private String subscriptionName;
    @UriParam(label = "consumer")
    private String selector;
    @UriParam(label = "consumer", defaultValue = "1")
    private int concurrentConsumers = 1;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "0")
    private long redeliveryDelay;
    @UriParam(label = "consumer")
    private String deadLetterQueue;
    @UriParam(label = "consumer")
    private int maxDeliveries;
    @UriParam(label = "filter")
    private HeaderFilterStrategy headerFilterStrategy;

    private HakeSettings settings;
    private HakeServices services;

    public HakeEndpoint(String uri, HakeComponent component, String destinationType, String destinationName,
                        HakeConfiguration configuration) {
        super(uri, component);
        this.destinationType = destinationType;
        this.destinationName = destinationName;
        this.configuration = configuration;
    }

    @Override
    public HakeComponent getComponent() {
        return (HakeComponent) super.getComponent();
    }

    /** Checks the options together, so that a wrong URI fails when the route is built, naming the option. */
    void validate() {
        settings = configuration.toSettings();
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("option 'concurrentConsumers' must be at least 1, was "
                    + concurrentConsumers);
        }
        if (redeliveryDelay < 0 || redeliveryDelay > MAX_REDELIVERY_DELAY_MILLIS) {
            throw new IllegalArgumentException("option 'redeliveryDelay' must be between 0 and 12 hours, was "
                    + redeliveryDelay + " ms");
        }
        if ((deadLetterQueue == null) != (maxDeliveries == 0)) {
            throw new IllegalArgumentException("options 'deadLetterQueue' and 'maxDeliveries' must be set together");
        }
        if (maxDeliveries < 0 || maxDeliveries > 1000) {
            throw new IllegalArgumentException("option 'maxDeliveries' must be between 1 and 1000 (SQS's limit), was "
                    + maxDeliveries);
        }
        if (subscriptionName != null && isQueue()) {
            throw new IllegalArgumentException("option 'subscriptionName' is for topics; a queue is consumed as it is");
        }
        if (selector != null && !selector.isBlank()) {
            parsedSelector();
        }
    }

    @Override
    public Producer createProducer() {
        return new HakeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (destination().kind().isTemporary()) {
            throw new IllegalArgumentException("a JMS temporary destination is consumed only by the JMS connection"
                    + " that made it; a route can send to it: " + URISupport.sanitizeUri(getEndpointUri()));
        }
        if (!isQueue() && (subscriptionName == null || subscriptionName.isBlank())) {
            throw new IllegalArgumentException("consuming from topic '" + destinationName + "' needs"
                    + " subscriptionName (the shared durable subscription the route reads): "
                    + URISupport.sanitizeUri(getEndpointUri()));
        }
        HakeConsumer consumer = new HakeConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Several routes may consume one queue or subscription: they compete for its messages. */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    protected synchronized void doStart() throws Exception {
        super.doStart();
        // Again: options may have been set on the endpoint object after it was created.
        validate();
        if (services == null) {
            services = getComponent().acquireServices(settings);
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (services != null) {
            getComponent().releaseServices(services);
            services = null;
        }
        super.doStop();
    }

    /** The shared core objects; only while the endpoint is started. */
    synchronized HakeServices services() {
        if (services == null) {
            throw new IllegalStateException("endpoint " + URISupport.sanitizeUri(getEndpointUri())
                    + " is not started");
        }
        return services;
    }

    HakeSettings settings() {
        return settings;
    }

    boolean isQueue() {
        return !destination().isTopic();
    }

    WireDestination destination() {
        return DestinationText.parse(destinationType + ":" + destinationName);
    }

    /** The parsed selector, or null for none. */
    Selector parsedSelector() {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            return Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            throw new IllegalArgumentException("option 'selector' is not a valid JMS message selector: "
                    + e.getMessage(), e);
        }
    }

    public String getDestinationType() {
        return destinationType;
    }

    /**
     * queue (an SQS queue) or topic (an SNS topic); temp-queue and temp-topic name a JMS temporary
     * destination, which a route can send to (a reply to a JMS requester) but not consume.
     */
    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    public String getDestinationName() {
        return destinationName;
    }

    /**
     * The JMS name of the queue or topic; the SQS queue or SNS topic is named from it and the prefix.
     * A name ending in .fifo is a FIFO queue or topic.
     */
    public void setDestinationName(String destinationName) {
        this.destinationName = destinationName;
    }

    public HakeConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection settings; by default the component's. */
    public void setConfiguration(HakeConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    /**
     * The shared durable subscription a topic consumer reads (required to consume a topic). It is
     * the subscription a JMS client opens with createSharedDurableConsumer(topic, name), so JMS and
     * Camel consumers of one name compete for its messages, and each name gets every message.
     */
    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public String getSelector() {
        return selector;
    }

    /**
     * A JMS message selector, e.g. region = 'EU' AND amount BETWEEN 100 AND 500. It is evaluated exactly in the
     * client; on a topic, an SNS filter policy derived from it also drops most non-matching messages
     * before they are delivered. On a queue, messages it rejects are left for other consumers.
     */
    public void setSelector(String selector) {
        this.selector = selector;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    /**
     * How many poll loops consume at once; each prefetches up to receiveBatchSize messages and
     * processes one exchange at a time.
     */
    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    /**
     * How long a message whose exchange failed stays hidden before it is delivered again (rounded
     * up to whole seconds, at most 12 hours). Default 0: it is visible again at once.
     */
    public void setRedeliveryDelay(long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * The queue (JMS name) a message moves to after maxDeliveries failed deliveries; created if
     * missing. Sets the SQS redrive policy of the queue this endpoint consumes.
     */
    public void setDeadLetterQueue(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue == null || deadLetterQueue.isBlank() ? null : deadLetterQueue;
    }

    public int getMaxDeliveries() {
        return maxDeliveries;
    }

    /** How many deliveries a message gets before it moves to the deadLetterQueue (1 to 1000). */
    public void setMaxDeliveries(int maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    /**
     * Which headers travel as message properties and which properties become headers. Default:
     * HakeHeaderFilterStrategy: Camel's own headers, and headers whose names start with Hake (they set
     * JMS header fields instead), do not travel.
     */
    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }
}
