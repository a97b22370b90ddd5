package dev.hake.bench;

import dev.hake.bench.backend.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Setup and cleanup, straight to the backend (not through the counting proxy), so that none of
 * it is ever counted against a client.
 */
public final class Admin implements AutoCloseable {

    private static final int PARALLEL = 32;
    private static final int MAX_LIST_ROUNDS = 20;

    private final SdkClients aws;

    public Admin(Backend backend) {
        this.aws = new SdkClients(backend.endpoint(), backend, PARALLEL * 2);
    }

    public SdkClients aws() {
        return aws;
    }

    public String createQueue(String name) {
        return aws.sqs().createQueue(r -> r.queueName(name)).join().queueUrl();
    }

    /** Creates {@code count} queues named by {@code name}, a few at a time; returns their URLs in order. */
    public List<String> createQueues(int count, IntFunction<String> name) {
        return forEach(count, i -> aws.sqs().createQueue(r -> r.queueName(name.apply(i)))
                .thenApply(response -> response.queueUrl()));
    }

    public String createTopic(String name) {
        return aws.sns().createTopic(r -> r.name(name)).join().topicArn();
    }

    /** Subscribes a queue to a topic with raw delivery, as hake does. */
    public void subscribe(String topicArn, String queueUrl) {
        String queueArn = aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).join().attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true"))).join();
    }

    /** Runs {@code call} for 0..count-1 with at most {@link #PARALLEL} in flight; returns the results in order. */
    public <T> List<T> forEach(int count, IntFunction<CompletableFuture<T>> call) {
        Semaphore window = new Semaphore(PARALLEL);
        List<CompletableFuture<T>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            window.acquireUninterruptibly();
            all.add(call.apply(i).whenComplete((ok, failure) -> window.release()));
        }
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** Deletes every topic (with its subscriptions) and queue whose name starts with {@code prefix}. */
    public void deleteEverything(String prefix) {
        List<Topic> topics = new ArrayList<>();
        aws.sns().listTopicsPaginator(r -> { }).topics().subscribe(topics::add).join();
        for (Topic topic : topics) {
            String name = topic.topicArn().substring(topic.topicArn().lastIndexOf(':') + 1);
            if (name.startsWith(prefix)) {
                for (Subscription s : aws.sns().listSubscriptionsByTopic(r -> r.topicArn(topic.topicArn()))
                        .join().subscriptions()) {
                    aws.sns().unsubscribe(r -> r.subscriptionArn(s.subscriptionArn())).join();
                }
                aws.sns().deleteTopic(r -> r.topicArn(topic.topicArn())).join();
            }
        }
        // Not paginated (not every emulator pages); a list holds up to 1,000, so list again until none are left.
        for (int round = 0; round < MAX_LIST_ROUNDS; round++) {
            List<String> queues = aws.sqs().listQueues(r -> r.queueNamePrefix(prefix)).join().queueUrls();
            if (queues.isEmpty()) {
                return;
            }
            // A retried delete may find the queue already gone; the next listing shows what is left.
            forEach(queues.size(), i -> aws.sqs().deleteQueue(r -> r.queueUrl(queues.get(i)))
                    .handle((ok, failure) -> null));
        }
    }

    @Override
    public void close() {
        aws.close();
    }
}
