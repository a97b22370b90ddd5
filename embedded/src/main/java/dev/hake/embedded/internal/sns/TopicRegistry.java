package dev.hake.embedded.internal.sns;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * All topics and subscriptions, in memory. One lock guards them all: SNS control-plane calls are
 * rare and short, and one lock makes "delete a topic and its subscriptions" atomic for free.
 * Publishing reads a snapshot and delivers outside the lock.
 */
final class TopicRegistry {

    /** FIFO sequence numbers are 20-digit decimals in AWS; start high enough to look like one. */
    private static final BigInteger FIRST_SEQUENCE_NUMBER = new BigInteger("10000000000000000000");

    private final Map<String, Topic> topicsByArn = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptionsByArn = new LinkedHashMap<>();
    private final Map<String, BigInteger> lastSequenceNumbers = new HashMap<>();

    /**
     * Stores a new topic, or returns the existing one of that ARN if the request agrees with it
     * (CreateTopic is idempotent in AWS).
     */
    synchronized Topic create(Topic requested) {
        Topic existing = topicsByArn.get(requested.arn());
        if (existing == null) {
            topicsByArn.put(requested.arn(), requested);
            return requested;
        }
        requested.attributes().forEach((name, value) -> {
            if (!value.equals(TopicAttributes.effectiveValue(existing, name))) {
                throw SnsError.invalidParameter("Attributes Reason: Topic already exists with different attributes");
            }
        });
        if (!requested.tags().isEmpty() && !requested.tags().equals(existing.tags())) {
            throw SnsError.invalidParameter("Tags Reason: Topic already exists with different tags."
                    + " Tags on the topic are not updated");
        }
        return existing;
    }

    /** The topic of that ARN; NotFound if there is none. */
    synchronized Topic topic(String arn) {
        return find(arn).orElseThrow(SnsError::topicNotFound);
    }

    synchronized Optional<Topic> find(String arn) {
        return Optional.ofNullable(topicsByArn.get(arn));
    }

    synchronized List<Topic> topics() {
        return List.copyOf(topicsByArn.values());
    }

    /** Changes a topic atomically; NotFound if there is none. */
    synchronized Topic update(String arn, UnaryOperator<Topic> change) {
        Topic changed = change.apply(topic(arn));
        topicsByArn.put(arn, changed);
        return changed;
    }

    /** Deletes a topic and its subscriptions; deleting a missing topic is not an error, as in AWS. */
    synchronized void delete(String arn) {
        topicsByArn.remove(arn);
        lastSequenceNumbers.remove(arn);
        subscriptionsByArn.values().removeIf(subscription -> subscription.topicArn().equals(arn));
    }

    /**
     * Stores a new subscription, or returns the existing one for the same topic and queue if the
     * request's attributes agree with it (Subscribe is idempotent in AWS).
     */
    synchronized Subscription subscribe(Subscription requested) {
        topic(requested.topicArn());
        for (Subscription existing : subscriptionsByArn.values()) {
            if (existing.topicArn().equals(requested.topicArn()) && existing.endpoint().equals(requested.endpoint())) {
                requested.attributes().forEach((name, value) -> {
                    if (!value.equals(existing.attributes().getOrDefault(name, defaultValue(name)))) {
                        throw SnsError.invalidParameter(
                                "Attributes Reason: Subscription already exists with different attributes");
                    }
                });
                return existing;
            }
        }
        subscriptionsByArn.put(requested.arn(), requested);
        return requested;
    }

    synchronized Subscription subscription(String arn) {
        Subscription subscription = subscriptionsByArn.get(arn);
        if (subscription == null) {
            throw SnsError.subscriptionNotFound();
        }
        return subscription;
    }

    synchronized Subscription updateSubscription(String arn, UnaryOperator<Subscription> change) {
        Subscription changed = change.apply(subscription(arn));
        subscriptionsByArn.put(arn, changed);
        return changed;
    }

    /** Removes a subscription; a missing one is not an error, as in AWS. */
    synchronized void unsubscribe(String arn) {
        subscriptionsByArn.remove(arn);
    }

    synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptionsByArn.values());
    }

    /** The topic's subscriptions; NotFound if the topic does not exist. */
    synchronized List<Subscription> subscriptionsOf(String topicArn) {
        topic(topicArn);
        List<Subscription> result = new ArrayList<>();
        for (Subscription subscription : subscriptionsByArn.values()) {
            if (subscription.topicArn().equals(topicArn)) {
                result.add(subscription);
            }
        }
        return result;
    }

    /** The next sequence number of a FIFO topic: strictly increasing per topic. */
    synchronized String nextSequenceNumber(String topicArn) {
        BigInteger next = lastSequenceNumbers.getOrDefault(topicArn, FIRST_SEQUENCE_NUMBER).add(BigInteger.ONE);
        lastSequenceNumbers.put(topicArn, next);
        return next.toString();
    }

    private static String defaultValue(String subscriptionAttribute) {
        return switch (subscriptionAttribute) {
            case SubscriptionAttributes.RAW_MESSAGE_DELIVERY -> "false";
            case SubscriptionAttributes.FILTER_POLICY_SCOPE -> "MessageAttributes";
            default -> "";
        };
    }
}
