package dev.hake.core.receive;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** The ReceiveMessage request of one consumer's queue, with the attributes its messages are read with. */
final class ReceiveRequest {

    private final SqsAsyncClient sqs;
    private final String queueUrl;
    private final int visibilityTimeoutSeconds;
    private final ScheduledExecutorService scheduler;
    private final MessageDecoder decoder;

    ReceiveRequest(SqsAsyncClient sqs, String queueUrl, int visibilityTimeoutSeconds, ScheduledExecutorService scheduler,
                   MessageDecoder decoder) {
        this.decoder = decoder;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
        this.scheduler = scheduler;
    }

    /**
     * Sends one ReceiveMessage; its answer comes with the bodies of large messages fetched. It always answers through the returned future, completed on an SDK
     * or timer thread, never on the caller's: the caller holds its buffer's lock, and handling an
     * answer may call other consumers.
     */
    CompletableFuture<ReceiveMessageResponse> send(int maxMessages, int waitSeconds) {
        try {
            return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(maxMessages)
                    .waitTimeSeconds(waitSeconds)
                    .visibilityTimeout(visibilityTimeoutSeconds)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            MessageSystemAttributeName.SENT_TIMESTAMP, MessageSystemAttributeName.AWS_TRACE_HEADER))
                    .thenCompose(answer -> decoder.fetchBodies(answer, queueUrl));
        } catch (RuntimeException e) {
            CompletableFuture<ReceiveMessageResponse> failed = new CompletableFuture<>();
            try {
                scheduler.execute(() -> failed.completeExceptionally(e));
            } catch (RejectedExecutionException stopping) {
                failed.completeExceptionally(e);
            }
            return failed;
        }
    }
}
