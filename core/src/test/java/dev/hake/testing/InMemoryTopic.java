package dev.hake.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * One SNS topic in memory: its attributes, tags and SQS subscriptions, and the delivery of what is
 * published to the subscribed queues, raw, before Publish answers (as moto does; AWS delivers a few
 * milliseconds later). Guarded by the topic's lock, which is held while delivering, so that every
 * subscription gets the topic's messages in publish order; a queue's lock is taken inside it,
 * never the other way round.
 */
final class InMemoryTopic {

    /** A subscription of a queue (by ARN) with the attributes it was made with. */
    record Subscription(String arn, String topicArn, String queueArn, Map<String, String> attributes) {
    }

    /** What Publish answered: the message id, and on a FIFO topic its sequence number. */
    record Published(String messageId, long sequence) {
    }

    private final InMemoryAws backend;
    private final String name;
    private final String arn;
    private final boolean fifo;
    private final Map<String, String> attributes;
    private final Map<String, String> tags = new TreeMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final FifoDeduplication<Published> deduplication = new FifoDeduplication<>();
    private long sequence;

    InMemoryTopic(InMemoryAws backend, String name, Map<String, String> attributes, Map<String, String> tags) {
        this.backend = backend;
        this.name = name;
        this.arn = backend.arn("sns", name);
        this.fifo = name.endsWith(".fifo");
        this.attributes = Map.copyOf(attributes);
        this.tags.putAll(tags);
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    boolean isFifo() {
        return fifo;
    }

    Map<String, String> attributes() {
        return attributes;
    }

    synchronized Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    synchronized void tag(Map<String, String> more) {
        tags.putAll(more);
    }

    /**
     * Subscribes a queue. Subscribing it again with the same attributes gives the same subscription;
     * with other attributes SNS refuses.
     */
    synchronized Subscription subscribe(String queueArn, Map<String, String> subscriptionAttributes) {
        for (Subscription s : subscriptions.values()) {
            if (s.queueArn().equals(queueArn)) {
                if (!s.attributes().equals(subscriptionAttributes)) {
                    throw AwsFailures.snsInvalid("Attributes", "Subscription already exists with different attributes");
                }
                return s;
            }
        }
        Subscription s = new Subscription(arn + ":" + UUID.randomUUID(), arn, queueArn, Map.copyOf(subscriptionAttributes));
        subscriptions.put(s.arn(), s);
        return s;
    }

    synchronized boolean unsubscribe(String subscriptionArn) {
        return subscriptions.remove(subscriptionArn) != null;
    }

    synchronized List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    /**
     * Delivers a message to every subscribed queue. A FIFO topic takes a deduplication id only once
     * in five minutes. A queue that is gone or refuses the message does not get it, and Publish
     * still succeeds: SNS's delivery to a queue is its own affair, retried and then dropped.
     */
    synchronized Published publish(StoredMessage.Sent message) {
        long nowMillis = System.currentTimeMillis();
        String deduplicationId = null;
        if (fifo) {
            deduplicationId = FifoDeduplication.idOf(message.deduplicationId(), message.body(),
                    "true".equals(attributes.get("ContentBasedDeduplication")));
            if (deduplicationId == null) {
                throw AwsFailures.snsInvalid("MessageDeduplicationId", "The topic should either have"
                        + " ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
            Published seen = deduplication.seen(deduplicationId, nowMillis);
            if (seen != null) {
                return seen;
            }
        }
        Published published = new Published(UUID.randomUUID().toString(), ++sequence);
        if (deduplicationId != null) {
            deduplication.remember(deduplicationId, published, nowMillis);
        }
        StoredMessage.Sent delivered = new StoredMessage.Sent(message.body(), message.attributes(), null,
                fifo ? message.groupId() : null, deduplicationId);
        for (Subscription s : subscriptions.values()) {
            backend.queueWithArn(s.queueArn()).ifPresent(queue -> {
                try {
                    queue.send(delivered);
                } catch (SqsException undeliverable) {
                    // Dropped, as SNS drops what a queue will not take once its retries are spent.
                }
            });
        }
        return published;
    }

    /** SNS's message attributes as SQS's, for raw delivery. */
    static Map<String, MessageAttributeValue> asSqsAttributes(
            Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> sns) {
        Map<String, MessageAttributeValue> sqs = new LinkedHashMap<>();
        sns.forEach((attributeName, v) -> sqs.put(attributeName, MessageAttributeValue.builder()
                .dataType(v.dataType()).stringValue(v.stringValue()).binaryValue(v.binaryValue()).build()));
        return sqs;
    }
}
