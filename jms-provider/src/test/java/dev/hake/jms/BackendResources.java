package dev.hake.jms;

import dev.hake.embedded.junit.HakeTestBackend;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Plain SDK access to a test backend: to act as a non-JMS client, to look at what hake created,
 * and to delete everything a test made under its prefix.
 */
final class BackendResources implements AutoCloseable {

    final SqsAsyncClient sqs;
    final SnsAsyncClient sns;

    BackendResources(HakeTestBackend backend) {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(backend.accessKeyId(), backend.secretAccessKey()));
        sqs = SqsAsyncClient.builder().endpointOverride(backend.endpoint()).region(Region.of(backend.region()))
                .credentialsProvider(credentials).build();
        sns = SnsAsyncClient.builder().endpointOverride(backend.endpoint()).region(Region.of(backend.region()))
                .credentialsProvider(credentials).build();
    }

    List<String> queueUrls(String prefix) {
        return sqs.listQueues(r -> r.queueNamePrefix(prefix)).join().queueUrls();
    }

    List<String> topicArns(String prefix) {
        return sns.listTopics(r -> { }).join().topics().stream().map(Topic::topicArn)
                .filter(arn -> arn.substring(arn.lastIndexOf(':') + 1).startsWith(prefix)).toList();
    }

    List<Subscription> subscriptions(String topicArn) {
        return sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).join().subscriptions();
    }

    /** Deletes every queue, topic and subscription whose name starts with the prefix. */
    void deleteAll(String prefix) {
        for (String topicArn : topicArns(prefix)) {
            for (Subscription s : subscriptions(topicArn)) {
                sns.unsubscribe(r -> r.subscriptionArn(s.subscriptionArn())).join();
            }
            sns.deleteTopic(r -> r.topicArn(topicArn)).join();
        }
        for (String url : queueUrls(prefix)) {
            sqs.deleteQueue(r -> r.queueUrl(url)).join();
        }
    }

    @Override
    public void close() {
        sqs.close();
        sns.close();
    }
}
