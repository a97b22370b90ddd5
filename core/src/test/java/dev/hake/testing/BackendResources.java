package dev.hake.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plain SDK access to a test backend: to act as a non-JMS client, to look at what hake created,
 * and to delete everything a test made under its prefix.
 */
public final class BackendResources implements AutoCloseable {

    public final SqsAsyncClient sqs;
    public final SnsAsyncClient sns;

    /** Clients of the test backend at {@code endpoint}, with its (dummy) credentials. */
    public BackendResources(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        sqs = SqsAsyncClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials).build();
        sns = SnsAsyncClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials).build();
    }

    public List<String> queueUrls(String prefix) {
        return sqs.listQueues(r -> r.queueNamePrefix(prefix)).join().queueUrls();
    }

    public String queueUrl(String queueName) {
        return sqs.getQueueUrl(r -> r.queueName(queueName)).join().queueUrl();
    }

    public Map<String, String> queueAttributes(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL)).join()
                .attributesAsStrings();
    }

    public Map<String, String> subscriptionAttributes(String subscriptionArn) {
        return sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).join().attributes();
    }

    public List<String> topicArns(String prefix) {
        return sns.listTopics(r -> { }).join().topics().stream().map(Topic::topicArn)
                .filter(arn -> arn.substring(arn.lastIndexOf(':') + 1).startsWith(prefix)).toList();
    }

    public List<Subscription> subscriptions(String topicArn) {
        return sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).join().subscriptions();
    }

    /** Deletes every queue, topic and subscription whose name starts with the prefix. */
    public void deleteAll(String prefix) {
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
