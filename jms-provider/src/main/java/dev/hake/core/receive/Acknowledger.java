package dev.hake.core.receive;

import dev.hake.core.aws.AwsErrors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;

/**
 * Deletes (acknowledges) and releases received messages for a whole connection. Calls made
 * within a few milliseconds of each other for the same queue go out as one DeleteMessageBatch or
 * ChangeMessageVisibilityBatch request (the SDK's batch manager), so acknowledging costs about
 * a tenth of a request per message.
 */
public final class Acknowledger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);
    private static final Duration FLUSH_AFTER = Duration.ofMillis(10);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final SqsAsyncBatchManager batches;
    private final ReleaseLedger ledger;
    /** Requests not yet answered: close() waits for them, or a release at close would be lost. */
    private final java.util.Set<CompletableFuture<?>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Acknowledger(SqsAsyncClient sqs, ScheduledExecutorService scheduler, ReleaseLedger ledger) {
        this.batches = SqsAsyncBatchManager.builder()
                .client(sqs)
                .scheduledExecutor(scheduler)
                .overrideConfiguration(c -> c.maxBatchSize(10).sendRequestFrequency(FLUSH_AFTER))
                .build();
        this.ledger = ledger;
    }

    /** Deletes a message; the future fails with a core exception if SQS refuses. */
    public CompletableFuture<Void> delete(ReceivedMessage m) {
        return track(batches.deleteMessage(r -> r.queueUrl(m.queueUrl()).receiptHandle(m.receiptHandle())))
                .handle((ok, failure) -> {
                    if (failure != null) {
                        throw AwsErrors.translate(failure, "SQS DeleteMessage [queue=" + m.queueUrl() + "]");
                    }
                    ledger.forget(m.sqsMessageId());
                    return null;
                });
    }

    /** Deletes all the messages; completes when every delete has. */
    public CompletableFuture<Void> deleteAll(List<ReceivedMessage> messages) {
        return CompletableFuture.allOf(messages.stream().map(this::delete).toArray(CompletableFuture[]::new));
    }

    /**
     * Makes a message visible again at once. {@code delivered} says whether an application saw it:
     * if not, the ledger records it so its next delivery does not count as a redelivery.
     */
    public CompletableFuture<Void> release(ReceivedMessage m, boolean delivered) {
        if (!delivered) {
            ledger.recordUndeliveredRelease(m.sqsMessageId());
        }
        return changeVisibility(m, 0);
    }

    /** Hides a message for {@code seconds} more from now (0 makes it visible at once). */
    public CompletableFuture<Void> changeVisibility(ReceivedMessage m, int seconds) {
        return track(batches.changeMessageVisibility(r -> r.queueUrl(m.queueUrl()).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(seconds)))
                .handle((ok, failure) -> {
                    if (failure != null) {
                        // The message comes back anyway when its visibility timeout ends.
                        LOG.warn("could not change visibility; it returns when its timeout ends [queue={}]: {}",
                                m.queueUrl(), AwsErrors.translate(failure, "SQS ChangeMessageVisibility").getMessage());
                    }
                    return null;
                });
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> call) {
        pending.add(call);
        call.whenComplete((ok, failure) -> pending.remove(call));
        return call;
    }

    /** Waits (a bounded time) for what is pending, then stops. */
    @Override
    public void close() {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Failures were logged where they happened; a message not released comes back on its own.
            LOG.debug("acknowledgements still pending at close: {}", e.toString());
        }
        batches.close();
    }
}
