package dev.hake.core.receive;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * An SQS client whose polls the test answers by hand: each ReceiveMessage is recorded and left
 * unanswered until the test answers or fails it (or answered before it is returned, with {@link
 * #answerAtOnce}). Deletes and visibility changes succeed at once.
 */
final class ScriptedSqs implements SqsAsyncClient {

    final List<CompletableFuture<ReceiveMessageResponse>> polls = new CopyOnWriteArrayList<>();
    final List<ReceiveMessageRequest> pollRequests = new CopyOnWriteArrayList<>();
    /** Answer each poll with one message before returning it, as an SDK that answers at once. */
    volatile boolean answerAtOnce;

    @Override
    public CompletableFuture<ReceiveMessageResponse> receiveMessage(ReceiveMessageRequest request) {
        CompletableFuture<ReceiveMessageResponse> poll = new CompletableFuture<>();
        pollRequests.add(request);
        polls.add(poll);
        if (answerAtOnce) {
            answer(polls.size() - 1, 1);
        }
        return poll;
    }

    /** Answers poll {@code index} with {@code count} fresh messages. */
    void answer(int index, int count) {
        long sent = System.currentTimeMillis();
        List<Message> messages = IntStream.range(0, count).mapToObj(i -> {
            String id = UUID.randomUUID().toString();
            return Message.builder().messageId(id).receiptHandle("handle-" + id).body("m" + i)
                    .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, Long.toString(sent),
                            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"))
                    .build();
        }).toList();
        polls.get(index).complete(ReceiveMessageResponse.builder().messages(messages).build());
    }

    /** Fails poll {@code index}, as the SDK does once its retries are spent. */
    void fail(int index, Throwable failure) {
        polls.get(index).completeExceptionally(failure);
    }

    @Override
    public CompletableFuture<ChangeMessageVisibilityBatchResponse> changeMessageVisibilityBatch(
            ChangeMessageVisibilityBatchRequest request) {
        return CompletableFuture.completedFuture(ChangeMessageVisibilityBatchResponse.builder().build());
    }

    @Override
    public CompletableFuture<DeleteMessageBatchResponse> deleteMessageBatch(DeleteMessageBatchRequest request) {
        return CompletableFuture.completedFuture(DeleteMessageBatchResponse.builder().build());
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
    }
}
