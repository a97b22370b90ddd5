package dev.hake.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.DeleteTopicRequest;
import software.amazon.awssdk.services.sns.model.DeleteTopicResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.TagResourceRequest;
import software.amazon.awssdk.services.sns.model.TagResourceResponse;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeResponse;

/**
 * An SNS client on an {@link InMemoryAws} backend: the operations hake's core calls, answered as
 * SNS answers them.
 *
 * <p>Modelled: topics (CreateTopic idempotent, refused with other attributes; DeleteTopic of a
 * missing topic succeeds), tags, SQS subscriptions with raw message delivery (subscribing a queue
 * again with the same attributes gives the same subscription), Publish and PublishBatch delivering
 * to every subscribed queue before they answer, in publish order, the message attributes becoming
 * SQS message attributes; FIFO topics (group id required, deduplication for five minutes, group and
 * deduplication id passed on to FIFO queues); the limits SQS will hold a delivery to (see {@link
 * MessageRules}) and PublishBatch's; listings paged 100 at a time.
 *
 * <p>Not modelled: filter policies are stored and not applied, so a subscription's queue receives
 * every message of its topic (hake filters subscription messages exactly in the client, and the
 * policy only saves deliveries); delivery that is not raw, protocols other than SQS (both refused as
 * unsupported); queue access policies (not checked); the seconds AWS takes before a new
 * subscription receives; delivery retries and subscription dead-letter queues (a delivery a queue
 * refuses is dropped); throttling and lost answers. Operations the core does not call fail with the
 * SDK interface's UnsupportedOperationException.
 */
public final class InMemorySns extends InMemoryClient implements SnsAsyncClient {

    private static final int PAGE = 100;
    private static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo");

    InMemorySns(InMemoryAws backend) {
        super(backend, "SNS");
    }

    @Override
    public CompletableFuture<CreateTopicResponse> createTopic(CreateTopicRequest request) {
        return call(() -> {
            String name = request.name();
            if (name == null || !TOPIC_NAME.matcher(name).matches()) {
                throw AwsFailures.snsInvalid("Topic Name", "Topic names must be made up of only uppercase and"
                        + " lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256"
                        + " characters long (a FIFO topic's ends with .fifo).");
            }
            if (name.endsWith(".fifo") != "true".equals(request.attributes().get("FifoTopic"))) {
                throw AwsFailures.snsInvalid("Topic Name", "A FIFO topic's name ends with .fifo, and it is created"
                        + " with FifoTopic=true.");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            request.tags().forEach(t -> tags.put(t.key(), t.value()));
            InMemoryTopic topic = backend.topicOrCreate(name,
                    () -> new InMemoryTopic(backend, name, request.attributes(), tags));
            if (request.attributes().entrySet().stream()
                    .anyMatch(e -> !e.getValue().equals(topic.attributes().get(e.getKey())))) {
                throw AwsFailures.snsInvalid("Attributes", "Topic already exists with different attributes");
            }
            return CreateTopicResponse.builder().topicArn(topic.arn()).build();
        });
    }

    @Override
    public CompletableFuture<DeleteTopicResponse> deleteTopic(DeleteTopicRequest request) {
        return call(() -> {
            backend.removeTopic(request.topicArn());
            return DeleteTopicResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ListTopicsResponse> listTopics(ListTopicsRequest request) {
        return call(() -> {
            List<Topic> all = backend.allTopics().stream().map(t -> Topic.builder().topicArn(t.arn()).build()).toList();
            Page<Topic> page = Page.of(all, request.nextToken());
            return ListTopicsResponse.builder().topics(page.items()).nextToken(page.nextToken()).build();
        });
    }

    @Override
    public CompletableFuture<TagResourceResponse> tagResource(TagResourceRequest request) {
        return call(() -> {
            Map<String, String> tags = new LinkedHashMap<>();
            request.tags().forEach(t -> tags.put(t.key(), t.value()));
            taggable(request.resourceArn()).tag(tags);
            return TagResourceResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ListTagsForResourceResponse> listTagsForResource(ListTagsForResourceRequest request) {
        return call(() -> ListTagsForResourceResponse.builder().tags(taggable(request.resourceArn()).tags().entrySet()
                .stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build());
    }

    @Override
    public CompletableFuture<SubscribeResponse> subscribe(SubscribeRequest request) {
        return call(() -> {
            InMemoryTopic topic = topic(request.topicArn());
            Map<String, String> attributes = request.attributes();
            if (!"sqs".equals(request.protocol()) || !"true".equalsIgnoreCase(attributes.get("RawMessageDelivery"))) {
                throw new UnsupportedOperationException("the in-memory SNS delivers only to SQS queues, raw:"
                        + " subscribe with protocol 'sqs' and RawMessageDelivery=true");
            }
            backend.queueWithArn(request.endpoint()).filter(q -> q.isFifo() != topic.isFifo()).ifPresent(q -> {
                throw AwsFailures.snsInvalid("Endpoint", "a FIFO topic delivers to FIFO queues only, and a standard"
                        + " topic to standard queues only");
            });
            return SubscribeResponse.builder().subscriptionArn(topic.subscribe(request.endpoint(), attributes).arn())
                    .build();
        });
    }

    @Override
    public CompletableFuture<UnsubscribeResponse> unsubscribe(UnsubscribeRequest request) {
        return call(() -> {
            String arn = request.subscriptionArn();
            String topicArn = arn == null || arn.lastIndexOf(':') < 0 ? "" : arn.substring(0, arn.lastIndexOf(':'));
            if (!backend.topicWithArn(topicArn).map(t -> t.unsubscribe(arn)).orElse(false)) {
                throw AwsFailures.snsNotFound("Subscription");
            }
            return UnsubscribeResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ListSubscriptionsByTopicResponse> listSubscriptionsByTopic(
            ListSubscriptionsByTopicRequest request) {
        return call(() -> {
            List<Subscription> all = topic(request.topicArn()).subscriptions().stream()
                    .map(s -> Subscription.builder().subscriptionArn(s.arn()).topicArn(s.topicArn()).protocol("sqs")
                            .endpoint(s.queueArn()).owner(backend.account()).build())
                    .toList();
            Page<Subscription> page = Page.of(all, request.nextToken());
            return ListSubscriptionsByTopicResponse.builder().subscriptions(page.items()).nextToken(page.nextToken())
                    .build();
        });
    }

    @Override
    public CompletableFuture<PublishResponse> publish(PublishRequest request) {
        return call(() -> {
            InMemoryTopic topic = topic(request.topicArn());
            InMemoryTopic.Published published = publish(topic, request.message(), request.messageAttributes(),
                    request.messageGroupId(), request.messageDeduplicationId());
            return PublishResponse.builder().messageId(published.messageId())
                    .sequenceNumber(topic.isFifo() ? String.format("%020d", published.sequence()) : null).build();
        });
    }

    @Override
    public CompletableFuture<PublishBatchResponse> publishBatch(PublishBatchRequest request) {
        return call(() -> {
            InMemoryTopic topic = topic(request.topicArn());
            List<PublishBatchRequestEntry> entries = request.publishBatchRequestEntries();
            checkBatch(entries);
            List<PublishBatchResultEntry> done = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (PublishBatchRequestEntry e : entries) {
                try {
                    InMemoryTopic.Published published = publish(topic, e.message(), e.messageAttributes(),
                            e.messageGroupId(), e.messageDeduplicationId());
                    done.add(PublishBatchResultEntry.builder().id(e.id()).messageId(published.messageId())
                            .sequenceNumber(topic.isFifo() ? String.format("%020d", published.sequence()) : null)
                            .build());
                } catch (SnsException refused) {
                    failed.add(BatchResultErrorEntry.builder().id(e.id()).code(refused.awsErrorDetails().errorCode())
                            .message(refused.awsErrorDetails().errorMessage()).senderFault(true).build());
                }
            }
            return PublishBatchResponse.builder().successful(done).failed(failed).build();
        });
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }


    /** Checks a message as SNS does (SQS's rules, since it ends in a queue), then delivers it. */
    private static InMemoryTopic.Published publish(InMemoryTopic topic, String body,
            Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> attributes, String groupId,
            String deduplicationId) {
        StoredMessage.Sent message = new StoredMessage.Sent(body, InMemoryTopic.asSqsAttributes(attributes), null,
                groupId, deduplicationId);
        AwsFailures.Refusal refusal = MessageRules.check(message.body(), message.attributes(), null, MessageRules.SNS_MAX_BYTES);
        if (refusal != null) {
            throw AwsFailures.snsInvalid("Message", refusal.message());
        }
        if (topic.isFifo() && (groupId == null || groupId.isEmpty())) {
            throw AwsFailures.snsInvalid("MessageGroupId", "The MessageGroupId parameter is required for FIFO topics");
        }
        return topic.publish(message);
    }

    /** PublishBatch's checks of the whole batch: one to ten entries, distinct ids, 256 KiB in all. */
    private static void checkBatch(List<PublishBatchRequestEntry> entries) {
        if (entries.isEmpty()) {
            throw AwsFailures.sns("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw AwsFailures.sns("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long bytes = 0;
        for (PublishBatchRequestEntry e : entries) {
            if (!ids.add(e.id())) {
                throw AwsFailures.sns("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
            }
            bytes += MessageRules.bytes(e.message(), InMemoryTopic.asSqsAttributes(e.messageAttributes()));
        }
        if (bytes > MessageRules.SNS_MAX_BYTES) {
            throw AwsFailures.sns("BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
        }
    }

    private InMemoryTopic topic(String arn) {
        return backend.topicWithArn(arn).orElseThrow(() -> AwsFailures.snsNotFound("Topic"));
    }

    /** Only topics are tagged here. */
    private InMemoryTopic taggable(String arn) {
        return backend.topicWithArn(arn).orElseThrow(() -> AwsFailures.snsResourceNotFound(arn));
    }

    /** One page of a listing: SNS pages by 100, the next token is where the next page starts. */
    private record Page<T>(List<T> items, String nextToken) {

        static <T> Page<T> of(List<T> all, String token) {
            int from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
            int to = Math.min(all.size(), from + PAGE);
            return new Page<>(all.subList(Math.min(from, to), to), to < all.size() ? Integer.toString(to) : null);
        }
    }
}
