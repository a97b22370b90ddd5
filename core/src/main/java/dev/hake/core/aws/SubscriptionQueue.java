package dev.hake.core.aws;


/**
 * The SQS queue behind a topic subscription, the SNS subscription that feeds it, and the
 * fingerprint of what it is subscribed to.
 */
public record SubscriptionQueue(String queueUrl, String subscriptionArn, String topicArn, String fingerprint) {
}
