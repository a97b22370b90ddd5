package dev.hake.faults;

import dev.hake.embedded.junit.HakeTestBackend;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plain SDK access to the backend, straight and never through the proxy: how many messages the
 * queues of a case still hold, and the deletion of everything a case made.
 */
final class BackendAdmin implements AutoCloseable {

    private static final List<QueueAttributeName> COUNTS = List.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    private final SqsClient sqs;
    private final SnsClient sns;

    BackendAdmin(HakeTestBackend backend) {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(backend.accessKeyId(), backend.secretAccessKey()));
        sqs = SqsClient.builder().endpointOverride(backend.endpoint()).region(Region.of(backend.region()))
                .credentialsProvider(credentials).build();
        sns = SnsClient.builder().endpointOverride(backend.endpoint()).region(Region.of(backend.region()))
                .credentialsProvider(credentials).build();
    }

    /** Messages in the prefix's queues: visible, in flight (received, not deleted) and delayed. */
    int messagesIn(String prefix) {
        int n = 0;
        for (String url : queueUrls(prefix)) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(COUNTS)).attributes();
            for (QueueAttributeName name : COUNTS) {
                n += Integer.parseInt(attributes.getOrDefault(name, "0"));
            }
        }
        return n;
    }

    List<String> queueUrls(String prefix) {
        return sqs.listQueues(r -> r.queueNamePrefix(prefix)).queueUrls();
    }

    /** Deletes every subscription, topic and queue whose name starts with the prefix. */
    void deleteAll(String prefix) {
        for (Topic topic : sns.listTopicsPaginator(r -> { }).topics()) {
            String arn = topic.topicArn();
            if (arn.substring(arn.lastIndexOf(':') + 1).startsWith(prefix)) {
                for (Subscription s : sns.listSubscriptionsByTopic(r -> r.topicArn(arn)).subscriptions()) {
                    sns.unsubscribe(r -> r.subscriptionArn(s.subscriptionArn()));
                }
                sns.deleteTopic(r -> r.topicArn(arn));
            }
        }
        for (String url : queueUrls(prefix)) {
            sqs.deleteQueue(r -> r.queueUrl(url));
        }
    }

    @Override
    public void close() {
        sqs.close();
        sns.close();
    }
}
