package dev.hake.embedded.internal.sns;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and reads the ARNs of topics, subscriptions and queues. */
final class Arns {

    private static final Pattern QUEUE_ARN = Pattern.compile("arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_.-]{1,80})");

    private final String region;
    private final String accountId;

    Arns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String topicArn(String topicName) {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + topicName;
    }

    /** A subscription ARN is its topic's ARN plus a unique id, as in AWS. */
    String newSubscriptionArn(String topicArn) {
        return topicArn + ":" + UUID.randomUUID();
    }

    /** The queue name in an SQS queue ARN, if the text is one. */
    static Optional<String> queueName(String queueArn) {
        Matcher matcher = QUEUE_ARN.matcher(queueArn);
        return matcher.matches() ? Optional.of(matcher.group(3)) : Optional.empty();
    }
}
