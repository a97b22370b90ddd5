package dev.hake.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;

/**
 * An SQS client on an {@link InMemoryAws} backend: the operations hake's core calls, answered as
 * SQS answers them.
 *
 * <p>Modelled: queues by name and URL (QueueDoesNotExist as the SDK reports it, QueueAlreadyExists
 * for a CreateQueue with other attributes), queue attributes with SQS's defaults and ranges, tags;
 * visibility timeouts and receipt handles (only the handle of a message's latest receive acts on it:
 * an older one is refused with ReceiptHandleIsInvalid; deleting a deleted message succeeds, as on
 * AWS); ApproximateReceiveCount, SentTimestamp and the other system attributes asked for; message
 * attributes, filtered by the names asked for; DelaySeconds (per message and per queue); long polls
 * that end as soon as a message arrives or comes back; FIFO queues (send order per group, a group
 * held while one of its messages is in flight, deduplication ids for five minutes, content-based
 * deduplication); redrive to a dead-letter queue after maxReceiveCount receives; SQS's limits on
 * messages and batches (10 entries, distinct ids, 256 KiB, 10 attributes, XML characters).
 *
 * <p>Not modelled: the approximate side of SQS (a short poll here sees the whole queue, a standard
 * queue keeps send order and never delivers a message twice), message retention, queue policies
 * (stored, not enforced), encryption, the 60 s waits after PurgeQueue and after deleting a queue
 * before its name is used again, the 12-hour limit on a message's total visibility, throttling and
 * lost answers (no retries happen: nothing is ever "in doubt"), and MD5 digests of what was sent.
 * Operations the core does not call fail with the SDK interface's UnsupportedOperationException.
 */
public final class InMemorySqs extends InMemoryClient implements SqsAsyncClient {

    private static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    InMemorySqs(InMemoryAws backend) {
        super(backend, "SQS");
    }

    @Override
    public CompletableFuture<CreateQueueResponse> createQueue(CreateQueueRequest request) {
        return call(() -> {
            String name = request.queueName();
            if (name == null || !QUEUE_NAME.matcher(name).matches()) {
                throw AwsFailures.sqs("InvalidParameterValue", "Can only include alphanumeric characters, hyphens,"
                        + " or underscores. 1 to 80 in length (a FIFO queue's name ends with .fifo): " + name);
            }
            Map<String, String> given = request.attributesAsStrings();
            InMemoryQueue queue = backend.queueNamed(name).orElseGet(() -> {
                QueueSettings settings = QueueSettings.forNewQueue(name, given, backend::queueWithArn);
                return backend.queueOrCreate(name, () -> new InMemoryQueue(backend, name, settings, request.tags()));
            });
            if (queue.settings().conflictsWith(given)) {
                throw AwsFailures.queueNameExists(name);
            }
            return CreateQueueResponse.builder().queueUrl(queue.url()).build();
        });
    }

    @Override
    public CompletableFuture<GetQueueUrlResponse> getQueueUrl(GetQueueUrlRequest request) {
        return call(() -> GetQueueUrlResponse.builder().queueUrl(backend.queueNamed(request.queueName())
                .orElseThrow(() -> AwsFailures.noSuchQueue(request.queueName())).url()).build());
    }

    @Override
    public CompletableFuture<GetQueueAttributesResponse> getQueueAttributes(GetQueueAttributesRequest request) {
        return call(() -> {
            Map<String, String> all = queue(request.queueUrl()).attributes();
            List<String> asked = request.attributeNamesAsStrings();
            Map<String, String> answer = new LinkedHashMap<>();
            all.forEach((name, value) -> {
                if (asked.contains("All") || asked.contains(name)) {
                    answer.put(name, value);
                }
            });
            return GetQueueAttributesResponse.builder().attributesWithStrings(answer).build();
        });
    }

    @Override
    public CompletableFuture<SetQueueAttributesResponse> setQueueAttributes(SetQueueAttributesRequest request) {
        return call(() -> {
            queue(request.queueUrl()).changeSettings(request.attributesAsStrings());
            return SetQueueAttributesResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<DeleteQueueResponse> deleteQueue(DeleteQueueRequest request) {
        return call(() -> {
            InMemoryQueue queue = queue(request.queueUrl());
            if (backend.removeQueue(queue)) {
                queue.markDeleted();
            }
            return DeleteQueueResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<PurgeQueueResponse> purgeQueue(PurgeQueueRequest request) {
        return call(() -> {
            queue(request.queueUrl()).purge();
            return PurgeQueueResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<TagQueueResponse> tagQueue(TagQueueRequest request) {
        return call(() -> {
            queue(request.queueUrl()).tag(request.tags());
            return TagQueueResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ListQueueTagsResponse> listQueueTags(ListQueueTagsRequest request) {
        return call(() -> ListQueueTagsResponse.builder().tags(queue(request.queueUrl()).tags()).build());
    }

    /** Without MaxResults, up to 1,000 queues and no next token, as SQS answers. */
    @Override
    public CompletableFuture<ListQueuesResponse> listQueues(ListQueuesRequest request) {
        return call(() -> {
            List<String> urls = backend.queuesNamedFrom(request.queueNamePrefix() == null ? ""
                    : request.queueNamePrefix()).stream().map(InMemoryQueue::url).toList();
            int pageSize = request.maxResults() == null ? 1000 : request.maxResults();
            if (pageSize < 1 || pageSize > 1000) {
                throw AwsFailures.sqs("InvalidParameterValue", "MaxResults must be between 1 and 1000.");
            }
            int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
            int to = Math.min(urls.size(), from + pageSize);
            boolean more = request.maxResults() != null && to < urls.size();
            return ListQueuesResponse.builder().queueUrls(urls.subList(Math.min(from, to), to))
                    .nextToken(more ? Integer.toString(to) : null).build();
        });
    }

    @Override
    public CompletableFuture<SendMessageResponse> sendMessage(SendMessageRequest request) {
        return call(() -> {
            InMemoryQueue queue = queue(request.queueUrl());
            InMemoryQueue.Accepted accepted = send(queue, new StoredMessage.Sent(request.messageBody(),
                    request.messageAttributes(), request.delaySeconds(), request.messageGroupId(),
                    request.messageDeduplicationId()));
            return SendMessageResponse.builder().messageId(accepted.messageId())
                    .sequenceNumber(queue.isFifo() ? sequenceNumber(accepted) : null).build();
        });
    }

    @Override
    public CompletableFuture<SendMessageBatchResponse> sendMessageBatch(SendMessageBatchRequest request) {
        return call(() -> {
            InMemoryQueue queue = queue(request.queueUrl());
            List<SendMessageBatchRequestEntry> entries = request.entries();
            checkBatch(entries, SendMessageBatchRequestEntry::id);
            long total = entries.stream().mapToLong(e -> MessageRules.bytes(e.messageBody(), e.messageAttributes())).sum();
            if (total > MessageRules.MAX_BYTES) {
                throw AwsFailures.sqs("AWS.SimpleQueueService.BatchRequestTooLong", "Batch requests cannot be longer"
                        + " than " + MessageRules.MAX_BYTES + " bytes. You have sent " + total + " bytes.");
            }
            List<SendMessageBatchResultEntry> sent = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (SendMessageBatchRequestEntry e : entries) {
                try {
                    InMemoryQueue.Accepted accepted = send(queue, new StoredMessage.Sent(e.messageBody(),
                            e.messageAttributes(), e.delaySeconds(), e.messageGroupId(), e.messageDeduplicationId()));
                    sent.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId(accepted.messageId())
                            .sequenceNumber(queue.isFifo() ? sequenceNumber(accepted) : null).build());
                } catch (SqsException refused) {
                    failed.add(failure(e.id(), refused.awsErrorDetails().errorCode(),
                            refused.awsErrorDetails().errorMessage()));
                }
            }
            return SendMessageBatchResponse.builder().successful(sent).failed(failed).build();
        });
    }

    @Override
    public CompletableFuture<ReceiveMessageResponse> receiveMessage(ReceiveMessageRequest request) {
        if (isClosed()) {
            return call(() -> null); // fails, as every call of a closed client does
        }
        try {
            InMemoryQueue queue = queue(request.queueUrl());
            int max = request.maxNumberOfMessages() == null ? 1 : request.maxNumberOfMessages();
            int wait = request.waitTimeSeconds() == null ? queue.settings().receiveWaitSeconds() : request.waitTimeSeconds();
            Integer visibility = request.visibilityTimeout();
            checkRange("MaxNumberOfMessages", max, 1, 10);
            checkRange("WaitTimeSeconds", wait, 0, 20);
            if (visibility != null) {
                checkRange("VisibilityTimeout", visibility, 0, QueueSettings.MAX_VISIBILITY_SECONDS);
            }
            Set<String> systemAttributes = new HashSet<>(request.messageSystemAttributeNamesAsStrings());
            systemAttributes.addAll(request.attributeNamesAsStrings());
            return queue.receive(new InMemoryQueue.Poll(max, wait, visibility, systemAttributes,
                    request.messageAttributeNames()));
        } catch (SqsException refused) {
            CompletableFuture<ReceiveMessageResponse> answer = new CompletableFuture<>();
            backend.fail(answer, refused);
            return answer;
        }
    }

    @Override
    public CompletableFuture<DeleteMessageResponse> deleteMessage(DeleteMessageRequest request) {
        return call(() -> {
            refuseIf(queue(request.queueUrl()).delete(request.receiptHandle()));
            return DeleteMessageResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<DeleteMessageBatchResponse> deleteMessageBatch(DeleteMessageBatchRequest request) {
        return call(() -> {
            InMemoryQueue queue = queue(request.queueUrl());
            EntryOutcomes outcomes = EntryOutcomes.of(request.entries(), e -> e.id(), e -> queue.delete(e.receiptHandle()));
            return DeleteMessageBatchResponse.builder().failed(outcomes.failed()).successful(outcomes.done().stream()
                    .map(id -> DeleteMessageBatchResultEntry.builder().id(id).build()).toList()).build();
        });
    }

    @Override
    public CompletableFuture<ChangeMessageVisibilityResponse> changeMessageVisibility(
            ChangeMessageVisibilityRequest request) {
        return call(() -> {
            refuseIf(queue(request.queueUrl()).changeVisibility(request.receiptHandle(), request.visibilityTimeout()));
            return ChangeMessageVisibilityResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ChangeMessageVisibilityBatchResponse> changeMessageVisibilityBatch(
            ChangeMessageVisibilityBatchRequest request) {
        return call(() -> {
            InMemoryQueue queue = queue(request.queueUrl());
            EntryOutcomes outcomes = EntryOutcomes.of(request.entries(), e -> e.id(),
                    e -> queue.changeVisibility(e.receiptHandle(), e.visibilityTimeout()));
            return ChangeMessageVisibilityBatchResponse.builder().failed(outcomes.failed()).successful(outcomes.done()
                    .stream().map(id -> ChangeMessageVisibilityBatchResultEntry.builder().id(id).build()).toList()).build();
        });
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }


    /**
     * Checks a message as SQS does, then stores it. On a FIFO queue a message needs a group id and
     * may not have a delay of its own; on a standard queue it may not have a deduplication id.
     */
    private static InMemoryQueue.Accepted send(InMemoryQueue queue, StoredMessage.Sent sent) {
        refuseIf(MessageRules.check(sent.body(), sent.attributes(), sent.delaySeconds()));
        if (queue.isFifo() && (sent.groupId() == null || sent.groupId().isEmpty())) {
            throw AwsFailures.sqs("MissingParameter", "The request must contain the parameter MessageGroupId.");
        }
        if (queue.isFifo() ? sent.delaySeconds() != null : sent.deduplicationId() != null) {
            throw AwsFailures.sqs("InvalidParameterValue", "The request includes a parameter ("
                    + (queue.isFifo() ? "DelaySeconds" : "MessageDeduplicationId") + ") that is not valid for this queue type.");
        }
        return queue.send(sent);
    }

    private static String sequenceNumber(InMemoryQueue.Accepted accepted) {
        return String.format("%020d", accepted.sequence());
    }

    /** SQS's checks of a whole batch: one to ten entries, ids well-formed and distinct. */
    private static <E> void checkBatch(List<E> entries, Function<E, String> id) {
        if (entries.isEmpty()) {
            throw AwsFailures.sqs("AWS.SimpleQueueService.EmptyBatchRequest", "There should be at least one entry in the request.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw AwsFailures.sqs("AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                    "Maximum number of entries per request are " + MAX_BATCH_ENTRIES + ". You have sent " + entries.size() + ".");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (E e : entries) {
            String entryId = id.apply(e);
            if (entryId == null || !BATCH_ENTRY_ID.matcher(entryId).matches()) {
                throw AwsFailures.sqs("AWS.SimpleQueueService.InvalidBatchEntryId", "A batch entry id can only contain"
                        + " alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!ids.add(entryId)) {
                throw AwsFailures.sqs("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id " + entryId + " repeated.");
            }
        }
    }

    /** What became of each entry of a batch of deletes or visibility changes: the ids done, and the refusals. */
    private record EntryOutcomes(List<String> done, List<BatchResultErrorEntry> failed) {

        /** Checks the batch as SQS does, then applies {@code act} to each entry in turn. */
        static <E> EntryOutcomes of(List<E> entries, Function<E, String> id, Function<E, AwsFailures.Refusal> act) {
            checkBatch(entries, id);
            EntryOutcomes outcomes = new EntryOutcomes(new ArrayList<>(), new ArrayList<>());
            for (E e : entries) {
                AwsFailures.Refusal refusal = act.apply(e);
                if (refusal == null) {
                    outcomes.done().add(id.apply(e));
                } else {
                    outcomes.failed().add(failure(id.apply(e), refusal.code(), refusal.message()));
                }
            }
            return outcomes;
        }
    }

    private static BatchResultErrorEntry failure(String id, String code, String message) {
        return BatchResultErrorEntry.builder().id(id).code(code).message(message).senderFault(true).build();
    }

    private static void checkRange(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw AwsFailures.sqs("InvalidParameterValue", "Value " + value + " for parameter " + parameter
                    + " is invalid. Reason: Must be between " + min + " and " + max + ", if provided.");
        }
    }

    private static void refuseIf(AwsFailures.Refusal refusal) {
        if (refusal != null) {
            throw AwsFailures.sqs(refusal);
        }
    }

    private InMemoryQueue queue(String url) {
        return backend.queueAt(url).orElseThrow(() -> AwsFailures.noSuchQueue(url));
    }
}
