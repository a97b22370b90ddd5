package dev.hake.core.aws;

/** The SQS access policy of a subscription queue: only its topic may send to it. */
final class QueuePolicy {

    private QueuePolicy() {
    }

    static String allowTopic(String queueArn, String topicArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"hake-topic-to-queue","Effect":"Allow",\
                "Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"%s",\
                "Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}""".formatted(queueArn, topicArn);
    }
}
