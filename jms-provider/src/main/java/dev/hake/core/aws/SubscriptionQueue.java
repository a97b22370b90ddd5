package dev.hake.core.aws;

/** The SQS queue behind a topic subscription, and the SNS subscription that feeds it. */
public record SubscriptionQueue(String queueUrl, String subscriptionArn, String topicArn) {
}
