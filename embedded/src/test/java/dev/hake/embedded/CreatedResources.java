package dev.hake.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Queues and topics a test made, with unique names, deleted again by {@link #deleteAll()} (call it
 * from {@code @AfterEach}): tests share one endpoint.
 */
public final class CreatedResources {

    private final SqsClient sqs;
    private final SnsClient sns;
    private final String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final List<String> queueUrls = new ArrayList<>();
    private final List<String> topicArns = new ArrayList<>();

    public CreatedResources(SqsClient sqs, SnsClient sns) {
        this.sqs = sqs;
        this.sns = sns;
    }

    /** A name unique to this test run. */
    public String name(String base) {
        return prefix + base;
    }

    public String queue(String base) {
        return queue(CreateQueueRequest.builder().queueName(name(base)).build());
    }

    public String queue(CreateQueueRequest request) {
        String url = sqs.createQueue(request).queueUrl();
        queueUrls.add(url);
        return url;
    }

    public String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    public String topic(String base) {
        return topic(CreateTopicRequest.builder().name(name(base)).build());
    }

    public String topic(CreateTopicRequest request) {
        String arn = sns.createTopic(request).topicArn();
        topicArns.add(arn);
        return arn;
    }

    public void deleteAll() {
        topicArns.forEach(arn -> sns.deleteTopic(r -> r.topicArn(arn)));
        for (String url : queueUrls) {
            try {
                sqs.deleteQueue(r -> r.queueUrl(url));
            } catch (QueueDoesNotExistException alreadyGone) {
                // the test deleted it itself
            }
        }
        topicArns.clear();
        queueUrls.clear();
    }
}
