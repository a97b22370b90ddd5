package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import dev.hake.core.HakeException;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.aws.AwsErrors;
import java.util.List;
import dev.hake.core.WireMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Deletes (acknowledges) and releases received messages for a whole connection. Calls for the
 * same queue within {@link #WINDOW_MILLIS} go out as one DeleteMessageBatch or
 * ChangeMessageVisibilityBatch request, so acknowledging costs about a tenth of a request per
 * message; a caller who waits (CLIENT_ACKNOWLEDGE, commit, a release at close) has its group sent
 * at once. (The SDK's SqsAsyncBatchManager would do the batching, but offers no way to send a
 * group early for a waiting caller.)
 */
@CoreApi
public final class Acknowledger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);
    /**
     * How long an acknowledgement nobody waits for may wait for company: longer than a paced poll
     * cycle ({@link PollPacer#MAX_PAUSE_MILLIS} and a round trip), so that what is left of one
     * answer's acknowledgements joins the next answer's instead of going out short.
     */
    static final long WINDOW_MILLIS = PollPacer.MAX_PAUSE_MILLIS + 50;
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final AckBatcher batches;
    private final DeliveryLedger ledger;
    private final HeldMessages held;
    private final RedeliveryDelay redeliveryDelay;
    /** Told what became of the messages: a body kept in S3 may go too, and meters count. */
    private final Settled settled;

    /** What an acknowledger tells about the messages it settles. */
    public interface Settled {
        Settled NONE = new Settled() {
        };

        /** SQS deleted {@code message} (never said of one it may not have). */
        default void deleted(WireMessage message) {
        }

        /** {@code message}, which the application saw, goes back to {@code queueUrl}: its delivery failed. */
        default void deliveryFailed(WireMessage message, String queueUrl) {
        }
    }
    /** Requests not yet answered: close() waits for them, or a release at close would be lost. */
    private final java.util.Set<CompletableFuture<?>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Acknowledger(SqsAsyncClient sqs, ScheduledExecutorService scheduler, DeliveryLedger ledger,
                        HeldMessages held) {
        this(sqs, scheduler, ledger, held, RedeliveryDelay.NONE);
    }

    /** @param redeliveryDelay how long a message given back after a failed delivery stays hidden */
    public Acknowledger(SqsAsyncClient sqs, ScheduledExecutorService scheduler, DeliveryLedger ledger,
                        HeldMessages held, RedeliveryDelay redeliveryDelay) {
        this(sqs, scheduler, ledger, held, redeliveryDelay, Settled.NONE);
    }

    /** @param settled told of each message SQS deleted, and of each given back after a failed delivery */
    public Acknowledger(SqsAsyncClient sqs, ScheduledExecutorService scheduler, DeliveryLedger ledger,
                        HeldMessages held, RedeliveryDelay redeliveryDelay, Settled settled) {
        this.settled = settled;
        this.batches = new AckBatcher(sqs, scheduler, WINDOW_MILLIS, System::nanoTime);
        this.ledger = ledger;
        this.held = held;
        this.redeliveryDelay = redeliveryDelay;
    }

    /** Records a message just received; false if it is a second copy of one already held (see {@link HeldMessages}). */
    public boolean hold(ReceivedMessage m) {
        return held.hold(m);
    }

    /**
     * This JVM gives the message up (deletes it, gives it back, or dropped it when its visibility ran
     * out): a copy received from now on is delivered. Returns the receipt handle to use for it. Done
     * when the request is made, not when it is answered: a released message may be polled again
     * before the answer comes.
     */
    public String letGo(ReceivedMessage m) {
        return held.letGo(m);
    }

    /**
     * Deletes a message nobody waits for (AUTO_ACKNOWLEDGE, an expired or filtered-out message). A
     * failure is logged here, once: the message is then delivered again (or may be, if the outcome
     * is in doubt), marked redelivered.
     */
    public void delete(ReceivedMessage m) {
        deleteOne(m).whenComplete((ok, error) -> {
            if (error != null) {
                HakeException failure = AwsErrors.translate(error, "SQS DeleteMessageBatch");
                LOG.warn("a message {} [queue={}, sqsMessageId={}]: {}", failure instanceof OutcomeUnknownException
                                ? "may not have been acknowledged; if not, it is delivered again"
                                : "was not acknowledged and will be delivered again",
                        m.queueUrl(), m.sqsMessageId(), failure.getMessage());
            }
        });
    }

    private CompletableFuture<Void> deleteOne(ReceivedMessage m) {
        // Tracked with what follows the delete, so that close() waits for that too (a large
        // message's S3 object is deleted from there, and its client closes after this one).
        return track(batches.add(new AckBatcher.Key(m.queueUrl(), -1), held.release(m))
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        ledger.forget(m.sqsMessageId());
                        if (m.message() != null) {
                            settled.deleted(m.message());
                        }
                    }
                }));
    }

    /**
     * Deletes all the messages now, for a caller who waits (CLIENT_ACKNOWLEDGE, commit). The future
     * completes when every delete has; it fails with an {@link OutcomeUnknownException} if any
     * delete may or may not have been done (what is not done is delivered again), or else with a
     * {@link HakeException} if any was not done; the message says how many of how many.
     */
    public CompletableFuture<Void> deleteAll(List<ReceivedMessage> messages) {
        List<CompletableFuture<HakeException>> outcomes = messages.stream()
                .map(m -> deleteOne(m).handle((ok, failure) -> failure == null ? null : AwsErrors.translate(failure, "delete")))
                .toList();
        messages.stream().map(ReceivedMessage::queueUrl).distinct()
                .forEach(url -> batches.flush(new AckBatcher.Key(url, -1)));
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).thenRun(() -> {
            HakeException summary = AckSummary.of(outcomes.stream().map(CompletableFuture::join).toList());
            if (summary != null) {
                throw summary;
            }
        });
    }

    /** Releases all the messages now, for a caller who waits; see {@link #release}. */
    public CompletableFuture<Void> releaseAll(List<ReceivedMessage> messages, boolean delivered) {
        CompletableFuture<Void> all = CompletableFuture.allOf(messages.stream().map(m -> release(m, delivered))
                .toArray(CompletableFuture[]::new));
        messages.stream().map(m -> new AckBatcher.Key(m.queueUrl(), releaseSeconds(m, delivered))).distinct()
                .forEach(batches::flush);
        return all;
    }

    /**
     * Gives a message back. {@code delivered} says whether an application saw it: if so, the
     * delivery failed, and the message comes again after the redelivery delay (at once by
     * default); if not, it comes again at once, and the ledger records it so its next delivery
     * does not count as a redelivery.
     */
    public CompletableFuture<Void> release(ReceivedMessage m, boolean delivered) {
        if (!delivered) {
            ledger.recordUndeliveredRelease(m.sqsMessageId());
        } else if (m.message() != null) {
            settled.deliveryFailed(m.message(), m.queueUrl());
        }
        return changeVisibility(m, releaseSeconds(m, delivered));
    }

    private int releaseSeconds(ReceivedMessage m, boolean delivered) {
        return delivered ? redeliveryDelay.secondsAfter(m.message().deliveryCount()) : 0;
    }

    /**
     * Gives a message back to the queue in {@code seconds} (0: at once); from then on this JVM no
     * longer holds it.
     */
    public CompletableFuture<Void> changeVisibility(ReceivedMessage m, int seconds) {
        return changeVisibility(m, seconds, true);
    }

    /**
     * Gives a message back in {@code seconds}, sent at once rather than batched: the caller polls
     * for it when it is due, and counts from now.
     */
    public CompletableFuture<Void> hideNow(ReceivedMessage m, int seconds) {
        CompletableFuture<Void> done = changeVisibility(m, seconds, true);
        batches.flush(new AckBatcher.Key(m.queueUrl(), seconds));
        return done;
    }

    /** Keeps a message this consumer is still working on hidden for {@code seconds} more from now. */
    public CompletableFuture<Void> keepHidden(ReceivedMessage m, int seconds) {
        held.extend(m.sqsMessageId(), System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
        return changeVisibility(m, seconds, false);
    }

    private CompletableFuture<Void> changeVisibility(ReceivedMessage m, int seconds, boolean givenBack) {
        HeldMessages.Held receipt = givenBack ? held.release(m) : held.current(m);
        return track(batches.add(new AckBatcher.Key(m.queueUrl(), seconds), receipt))
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

    /** Sends what is open, waits (a bounded time) for what is pending, then stops. */
    @Override
    public void close() {
        batches.flushAll();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Failures were logged where they happened; a message not released comes back on its own.
            LOG.debug("acknowledgements still pending at close: {}", e.toString());
        }
    }
}
