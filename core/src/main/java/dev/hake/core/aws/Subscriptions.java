package dev.hake.core.aws;

import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.ResourceNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic subscriptions as SQS queues. A named subscription's queue carries tags naming its SNS
 * subscription and a fingerprint of what it is (topic, selector, noLocal), so that any process
 * can find, replace or remove it from its name alone; a non-durable subscriber's queue lives as
 * long as its consumer.
 */
public final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    static final String TOPIC_TAG = "hake-topic";
    static final String SUBSCRIPTION_TAG = "hake-subscription";
    static final String FINGERPRINT_TAG = "hake-fingerprint";
    static final String KIND_TAG = "hake-kind";

    private final Topology topology;
    private final ResourceNames names;

    public Subscriptions(Topology topology, ResourceNames names) {
        this.topology = topology;
        this.names = names;
    }

    /**
     * What a subscription is: its topic (JMS name), the SNS filter policy that narrows what the
     * topic sends it, and the selector and noLocal setting that, with the topic, identify it.
     */
    public record Spec(String topicName, Optional<String> filterPolicy, String selector, boolean noLocal) {

        String fingerprint(String topicArn) {
            String identity = topicArn + "\n" + (selector == null ? "" : selector) + "\n" + noLocal;
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    /**
     * The named subscription queue (durable, or shared non-durable), created and subscribed if
     * missing. If it exists for another topic, selector or noLocal, it is re-subscribed and what it
     * held is dropped, as JMS requires when a durable subscription changes. Returns it with its
     * fingerprint.
     */
    public SubscriptionQueue named(String queueName, Spec spec, String kind) {
        String topicArn = topology.topicArn(names.topic(spec.topicName()));
        String fingerprint = spec.fingerprint(topicArn);
        String queueUrl = topology.queueUrl(queueName, true, Map.of(KIND_TAG, kind, TOPIC_TAG, topicArn));
        Map<String, String> tags = topology.queueTags(queueUrl);
        String subscriptionArn = tags.get(SUBSCRIPTION_TAG);
        if (subscriptionArn != null && fingerprint.equals(tags.get(FINGERPRINT_TAG))) {
            return new SubscriptionQueue(queueUrl, subscriptionArn, topicArn, fingerprint);
        }
        if (subscriptionArn != null) {
            LOG.info("subscription changes topic, selector or noLocal; its queue is emptied [queue={}]", queueName);
            topology.unsubscribe(subscriptionArn);
            topology.purgeQueue(queueUrl);
        }
        String arn = topology.subscribe(topicArn, queueUrl, spec.filterPolicy());
        topology.tagQueue(queueUrl, Map.of(TOPIC_TAG, topicArn, SUBSCRIPTION_TAG, arn, FINGERPRINT_TAG, fingerprint));
        return new SubscriptionQueue(queueUrl, arn, topicArn, fingerprint);
    }

    /** A new queue subscribed to the topic for one non-durable consumer. */
    public SubscriptionQueue nonDurable(Spec spec) {
        String topicArn = topology.topicArn(names.topic(spec.topicName()));
        String queueName = names.nonDurableSubscriptionQueue(spec.topicName(), spec.topicName().endsWith(".fifo"));
        String queueUrl = topology.queueUrl(queueName, true, Map.of(KIND_TAG, "non-durable", TOPIC_TAG, topicArn));
        String arn = topology.subscribe(topicArn, queueUrl, spec.filterPolicy());
        return new SubscriptionQueue(queueUrl, arn, topicArn, spec.fingerprint(topicArn));
    }

    /** Whether a named subscription queue exists. */
    public boolean exists(String queueName) {
        return topology.findQueueUrl(queueName).isPresent();
    }

    /** Removes a subscription and its queue. */
    public void delete(SubscriptionQueue subscription) {
        topology.unsubscribe(subscription.subscriptionArn());
        topology.deleteQueue(subscription.queueUrl());
    }

    /**
     * Removes a named subscription and its queue.
     *
     * @throws DestinationNotFoundException if there is no such subscription
     */
    public void unsubscribe(String queueName, String description) {
        Optional<String> url = topology.findQueueUrl(queueName);
        if (url.isEmpty()) {
            throw new DestinationNotFoundException("no " + description);
        }
        String arn = topology.queueTags(url.get()).get(SUBSCRIPTION_TAG);
        if (arn != null) {
            topology.unsubscribe(arn);
        }
        topology.deleteQueue(url.get());
    }
}
