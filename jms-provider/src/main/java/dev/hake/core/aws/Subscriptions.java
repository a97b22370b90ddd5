package dev.hake.core.aws;

import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.ResourceNames;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic subscriptions as SQS queues. A durable subscription's queue carries tags naming its topic
 * and SNS subscription, so that any process can find, replace or remove it from (client ID, name)
 * alone; a non-durable subscription's queue lives as long as its consumer.
 */
public final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    static final String TOPIC_TAG = "hake-topic";
    static final String SUBSCRIPTION_TAG = "hake-subscription";
    static final String KIND_TAG = "hake-kind";

    private final Topology topology;
    private final ResourceNames names;

    public Subscriptions(Topology topology, ResourceNames names) {
        this.topology = topology;
        this.names = names;
    }

    /**
     * The queue of the durable subscription (clientId, name) on a topic, created and subscribed if
     * missing. If it exists for another topic, it is moved to this one and what it held is dropped,
     * as JMS requires when a durable subscription changes topic.
     */
    public SubscriptionQueue durable(String clientId, String name, String topicName) {
        String topicArn = topology.topicArn(names.topic(topicName));
        String queueName = names.durableSubscriptionQueue(clientId, name, topicName.endsWith(".fifo"));
        String queueUrl = topology.queueUrl(queueName, true, Map.of(KIND_TAG, "durable", TOPIC_TAG, topicArn));
        Map<String, String> tags = topology.queueTags(queueUrl);
        String subscribedTopic = tags.get(TOPIC_TAG);
        String subscriptionArn = tags.get(SUBSCRIPTION_TAG);
        if (subscriptionArn != null && topicArn.equals(subscribedTopic)) {
            return new SubscriptionQueue(queueUrl, subscriptionArn, topicArn);
        }
        if (subscriptionArn != null) {
            LOG.info("durable subscription moves to another topic; its queue is emptied [queue={}]", queueName);
            topology.unsubscribe(subscriptionArn);
            topology.purgeQueue(queueUrl);
        }
        String arn = topology.subscribe(topicArn, queueUrl, Optional.empty());
        topology.tagQueue(queueUrl, Map.of(TOPIC_TAG, topicArn, SUBSCRIPTION_TAG, arn));
        return new SubscriptionQueue(queueUrl, arn, topicArn);
    }

    /** A new queue subscribed to the topic for one non-durable consumer. */
    public SubscriptionQueue nonDurable(String topicName) {
        String topicArn = topology.topicArn(names.topic(topicName));
        String queueName = names.nonDurableSubscriptionQueue(topicName, topicName.endsWith(".fifo"));
        String queueUrl = topology.queueUrl(queueName, true, Map.of(KIND_TAG, "non-durable", TOPIC_TAG, topicArn));
        String arn = topology.subscribe(topicArn, queueUrl, Optional.empty());
        return new SubscriptionQueue(queueUrl, arn, topicArn);
    }

    /** Removes a subscription and its queue. */
    public void delete(SubscriptionQueue subscription) {
        topology.unsubscribe(subscription.subscriptionArn());
        topology.deleteQueue(subscription.queueUrl());
    }

    /**
     * Removes the durable subscription (clientId, name).
     *
     * @throws DestinationNotFoundException if there is no such subscription
     */
    public void unsubscribeDurable(String clientId, String name) {
        for (boolean fifo : new boolean[] {false, true}) {
            Optional<String> url = topology.findQueueUrl(names.durableSubscriptionQueue(clientId, name, fifo));
            if (url.isPresent()) {
                String arn = topology.queueTags(url.get()).get(SUBSCRIPTION_TAG);
                if (arn != null) {
                    topology.unsubscribe(arn);
                }
                topology.deleteQueue(url.get());
                return;
            }
        }
        throw new DestinationNotFoundException("no durable subscription '" + name + "' for client ID '" + clientId + "'");
    }
}
