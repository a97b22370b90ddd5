package dev.hake.core.aws;

import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.HakeSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Finds and creates the SNS topics, SQS queues and subscriptions behind JMS destinations, and
 * caches what it learns (URLs and ARNs never change for a name). Calls block: they run when an
 * application creates a producer or consumer, not on the message path.
 */
public final class Topology {

    private static final Logger LOG = LoggerFactory.getLogger(Topology.class);
    /** ListTopics returns 100 a page; a bounded search keeps a mistyped name from scanning forever. */
    private static final int MAX_TOPIC_PAGES = 1_000;

    private final AwsClients aws;
    private final HakeSettings settings;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, String> queueArns = new ConcurrentHashMap<>();
    private final Map<String, String> topicArns = new ConcurrentHashMap<>();
    /** The redrive policies this connection set, by queue URL: what a failed delivery is counted against. */
    private final Map<String, Integer> maxReceiveCounts = new ConcurrentHashMap<>();

    public Topology(AwsClients aws, HakeSettings settings) {
        this.aws = aws;
        this.settings = settings;
    }

    /** The URL of a queue, created when missing if the settings allow it. */
    public String queueUrl(String queueName) {
        return queueUrl(queueName, settings.createDestinations(), Map.of());
    }

    /** The URL of a queue; {@code create} says whether a missing one is created (with these tags). */
    public String queueUrl(String queueName, boolean create, Map<String, String> tags) {
        return queueUrl(queueName, create, tags, 0);
    }

    /**
     * As {@link #queueUrl(String, boolean, Map)}; a queue created here keeps its messages
     * {@code retentionSeconds} (0: SQS's default, 4 days).
     */
    public String queueUrl(String queueName, boolean create, Map<String, String> tags, int retentionSeconds) {
        String cached = queueUrls.get(queueName);
        if (cached != null) {
            return cached;
        }
        String url;
        Optional<String> existing = findQueueUrl(queueName);
        if (existing.isPresent()) {
            url = existing.get();
        } else if (create) {
            url = createQueue(queueName, tags, retentionSeconds);
        } else {
            throw new DestinationNotFoundException("SQS queue '" + queueName + "' does not exist"
                    + (settings.createDestinations() ? "" : " and createDestinations is false"));
        }
        queueUrls.put(queueName, url);
        return url;
    }

    /** The queue's URL if it exists; never creates. */
    public Optional<String> findQueueUrl(String queueName) {
        String cached = queueUrls.get(queueName);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            return Optional.of(aws.sqs().getQueueUrl(r -> r.queueName(queueName)).join().queueUrl());
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw AwsErrors.translate(e, "SQS GetQueueUrl [queue=" + queueName + "]");
        }
    }

    private String createQueue(String queueName, Map<String, String> tags, int retentionSeconds) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(settings.visibilityTimeoutSeconds()));
        if (retentionSeconds > 0) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(retentionSeconds));
        }
        if (queueName.endsWith(".fifo")) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        try {
            String url = aws.sqs().createQueue(r -> r.queueName(queueName).attributes(attributes).tags(tags))
                    .join().queueUrl();
            LOG.debug("created queue [queue={}]", queueName);
            return url;
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SQS CreateQueue [queue=" + queueName + "]");
        }
    }

    public String queueArn(String queueUrl) {
        return queueArns.computeIfAbsent(queueUrl, url -> {
            try {
                return aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .join().attributes().get(QueueAttributeName.QUEUE_ARN);
            } catch (RuntimeException e) {
                throw AwsErrors.translate(e, "SQS GetQueueAttributes [queue=" + url + "]");
            }
        });
    }

    public Map<String, String> queueTags(String queueUrl) {
        try {
            return aws.sqs().listQueueTags(r -> r.queueUrl(queueUrl)).join().tags();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SQS ListQueueTags [queue=" + queueUrl + "]");
        }
    }

    public void tagQueue(String queueUrl, Map<String, String> tags) {
        try {
            aws.sqs().tagQueue(r -> r.queueUrl(queueUrl).tags(tags)).join();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SQS TagQueue [queue=" + queueUrl + "]");
        }
    }

    /**
     * Sets the queue's redrive policy: a message received {@code maxReceiveCount} times without
     * being deleted moves to the dead-letter queue on its next receive.
     */
    public void redrive(String queueUrl, String deadLetterQueueArn, int maxReceiveCount) {
        String policy = "{\"deadLetterTargetArn\":\"" + deadLetterQueueArn + "\",\"maxReceiveCount\":"
                + maxReceiveCount + "}";
        try {
            aws.sqs().setQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy))).join();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SQS SetQueueAttributes RedrivePolicy [queue=" + queueUrl + "]");
        }
        maxReceiveCounts.put(queueUrl, maxReceiveCount);
    }

    /**
     * The {@code maxReceiveCount} this connection gave {@code queueUrl}'s redrive policy (a JMS
     * connection's {@code maxDeliveries}, or a Camel endpoint's), 0 if it set none: a policy set
     * outside hake is not known here.
     */
    public int maxReceiveCount(String queueUrl) {
        return maxReceiveCounts.getOrDefault(queueUrl, 0);
    }

    /** Drops every message on a queue. */
    public void purgeQueue(String queueUrl) {
        try {
            aws.sqs().purgeQueue(r -> r.queueUrl(queueUrl)).join();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SQS PurgeQueue [queue=" + queueUrl + "]");
        }
    }

    /** Deletes a queue; a queue that is already gone is not an error. */
    public void deleteQueue(String queueUrl) {
        queueUrls.values().remove(queueUrl);
        queueArns.remove(queueUrl);
        maxReceiveCounts.remove(queueUrl);
        try {
            aws.sqs().deleteQueue(r -> r.queueUrl(queueUrl)).join();
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) {
                throw AwsErrors.translate(e, "SQS DeleteQueue [queue=" + queueUrl + "]");
            }
        }
    }

    /** The ARN of a topic, created when missing if the settings allow it. */
    public String topicArn(String topicName) {
        return topicArn(topicName, settings.createDestinations());
    }

    /** The ARN of a topic; {@code create} says whether a missing one is created. */
    public String topicArn(String topicName, boolean create) {
        String cached = topicArns.get(topicName);
        if (cached != null) {
            return cached;
        }
        String arn = create ? createTopic(topicName, Map.of()) : findTopicArn(topicName)
                .orElseThrow(() -> new DestinationNotFoundException("SNS topic '" + topicName + "' does not exist"
                        + (settings.createDestinations() ? "" : " and createDestinations is false")));
        topicArns.put(topicName, arn);
        return arn;
    }

    /** Creates a topic (or returns the existing one's ARN: CreateTopic is idempotent) with these tags. */
    public String createTopic(String topicName, Map<String, String> tags) {
        Map<String, String> attributes = topicName.endsWith(".fifo") ? Map.of("FifoTopic", "true") : Map.of();
        List<software.amazon.awssdk.services.sns.model.Tag> snsTags = tags.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.sns.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        try {
            String arn = aws.sns().createTopic(r -> r.name(topicName).attributes(attributes)
                    .tags(snsTags.isEmpty() ? null : snsTags)).join().topicArn();
            topicArns.put(topicName, arn);
            return arn;
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SNS CreateTopic [topic=" + topicName + "]");
        }
    }

    public void tagTopic(String topicArn, Map<String, String> tags) {
        List<software.amazon.awssdk.services.sns.model.Tag> snsTags = tags.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.sns.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        try {
            aws.sns().tagResource(r -> r.resourceArn(topicArn).tags(snsTags)).join();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SNS TagResource [topic=" + topicArn + "]");
        }
    }

    /** Deletes a topic; one that is already gone is not an error. */
    public void deleteTopic(String topicArn) {
        topicArns.values().remove(topicArn);
        try {
            aws.sns().deleteTopic(r -> r.topicArn(topicArn)).join();
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) {
                throw AwsErrors.translate(e, "SNS DeleteTopic [topic=" + topicArn + "]");
            }
        }
    }

    private Optional<String> findTopicArn(String topicName) {
        String suffix = ":" + topicName;
        String token = null;
        try {
            for (int page = 0; page < MAX_TOPIC_PAGES; page++) {
                String next = token;
                ListTopicsResponse response = aws.sns().listTopics(r -> r.nextToken(next)).join();
                for (Topic t : response.topics()) {
                    if (t.topicArn().endsWith(suffix)) {
                        return Optional.of(t.topicArn());
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    return Optional.empty();
                }
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SNS ListTopics");
        }
        return Optional.empty();
    }

    /**
     * Subscribes a queue to a topic with raw delivery, after giving the queue a policy that lets
     * this topic, and nothing else, send to it. Subscribing again with the same attributes
     * returns the same subscription.
     */
    public String subscribe(String topicArn, String queueUrl, Optional<String> filterPolicy) {
        String queueArn = queueArn(queueUrl);
        try {
            aws.sqs().setQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributes(Map.of(QueueAttributeName.POLICY, QueuePolicy.allowTopic(queueArn, topicArn)))).join();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SQS SetQueueAttributes Policy [queue=" + queueUrl + "]");
        }
        try {
            return subscribeRaw(topicArn, queueArn, filterPolicy);
        } catch (RuntimeException e) {
            if (filterPolicy.isPresent() && AwsErrors.isRefusedFilterPolicy(e)) {
                // The policy only saves deliveries; the selector filters exactly in the client. SNS
                // emulators count a policy's complexity in their own ways (moto's count is stricter
                // than AWS's), so a refused policy means subscribing without one, not failing.
                LOG.info("SNS refused the filter policy derived from the selector; subscribing without one,"
                        + " the client still applies the selector [topic={}]: {}", topicArn, e.getMessage());
                try {
                    return subscribeRaw(topicArn, queueArn, Optional.empty());
                } catch (RuntimeException again) {
                    e = again;
                }
            }
            throw AwsErrors.translate(e, "SNS Subscribe [topic=" + topicArn + ", queue=" + queueArn + "]");
        }
    }

    private String subscribeRaw(String topicArn, String queueArn, Optional<String> filterPolicy) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("RawMessageDelivery", "true");
        filterPolicy.ifPresent(p -> attributes.put("FilterPolicy", p));
        return aws.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(attributes).returnSubscriptionArn(true)).join().subscriptionArn();
    }

    /** Removes a subscription; one that is already gone is not an error. */
    public void unsubscribe(String subscriptionArn) {
        try {
            aws.sns().unsubscribe(r -> r.subscriptionArn(subscriptionArn)).join();
        } catch (RuntimeException e) {
            if (!AwsErrors.isNotFound(e)) {
                throw AwsErrors.translate(e, "SNS Unsubscribe [subscription=" + subscriptionArn + "]");
            }
        }
    }

    /** Subscriptions of the topic whose endpoint is the given queue ARN. */
    public List<String> subscriptionsOf(String topicArn, String queueArn) {
        List<String> arns = new ArrayList<>();
        try {
            aws.sns().listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).subscriptions()
                    .subscribe(s -> {
                        if (queueArn.equals(s.endpoint())) {
                            synchronized (arns) {
                                arns.add(s.subscriptionArn());
                            }
                        }
                    }).join();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SNS ListSubscriptionsByTopic [topic=" + topicArn + "]");
        }
        synchronized (arns) {
            return List.copyOf(arns);
        }
    }
}
