package dev.hake.core.send;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.batch.BatchLimits;
import dev.hake.core.large.LargeMessages;
import dev.hake.core.batch.BatchLine;
import dev.hake.core.batch.ReleaseRule;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns sends into batches without holding any send back: immediate, asynchronous and transacted
 * sends all go through one {@link BatchLine}, released when a request slot is free. Per
 * destination, a few requests may be in flight; a send that finds them all busy waits in line,
 * and when one returns, everything in line (up to ten messages, and 1 MiB to a queue or 256 KiB to a topic) goes out as one
 * SendMessageBatch or PublishBatch. A lone send therefore leaves at once as a plain SendMessage or
 * Publish, with the latency it would have had anyway, while asynchronous sends and sends from many
 * threads share requests.
 *
 * <p>Sends with the same order key (a JMS session: JMS orders what one session sends to one
 * destination) never travel in two requests at once, so requests cannot overtake each other and
 * completions come in order. Sends of other keys pass them. FIFO destinations allow one request in
 * flight in all.
 */
public final class SendCoalescer {

    /** A line of the batch line: where the messages go, and whether it keeps FIFO order. */
    private record Target(String target, boolean fifo, boolean topic) {
        static Target of(PreparedSend send) {
            return new Target(send.target(), send.destination().isFifo(), send.destination().isTopic());
        }
    }

    /** SendMessageBatch takes as many bytes in all as one message may have; so does PublishBatch. */
    private static final BatchLimits<PreparedSend> SEND_MESSAGE_BATCH = new BatchLimits<>(Sender.MAX_BATCH_ENTRIES,
            HakeSettings.SQS_MAX_MESSAGE_BYTES, PreparedSend::sizeBytes);
    private static final BatchLimits<PreparedSend> PUBLISH_BATCH = new BatchLimits<>(Sender.MAX_BATCH_ENTRIES,
            HakeSettings.SNS_MAX_MESSAGE_BYTES, PreparedSend::sizeBytes);

    /**
     * Requests a standard destination may have in flight when some carry less than a full batch;
     * sends beyond them wait and go out together as a batch.
     */
    static final int PARTIAL_BATCHES_IN_FLIGHT = 4;
    /**
     * Requests a standard destination may have in flight when each carries a full batch: a burst
     * of asynchronous sends keeps as many batches in flight as a hand-tuned client would.
     */
    static final int FULL_BATCHES_IN_FLIGHT = 10;

    private final Transmitter transmitter;
    /** Stores a transaction's large bodies before it sends; null where nothing is large (tests). */
    private final UploadingTransmitter uploads;
    private final BatchLine<Target, PreparedSend> line;
    /**
     * The send whose caller is in {@link #sendWaiting} on this thread: if it leaves alone, at once,
     * its request is made right here, on the thread that waits for it.
     */
    private final ThreadLocal<PreparedSend> waitedForHere = new ThreadLocal<>();

    /** Sends through {@code sender}, with large bodies put in S3 through {@code large} first. */
    public SendCoalescer(Sender sender, LargeMessages large) {
        this(new UploadingTransmitter(sender, large));
    }

    SendCoalescer(Transmitter transmitter) {
        this.transmitter = transmitter;
        this.uploads = transmitter instanceof UploadingTransmitter u ? u : null;
        this.line = new BatchLine<>(
                to -> to.topic() ? PUBLISH_BATCH : SEND_MESSAGE_BATCH,
                ReleaseRule.whenSlotFree(to -> to.fifo() ? 1 : PARTIAL_BATCHES_IN_FLIGHT,
                        to -> to.fifo() ? 1 : FULL_BATCHES_IN_FLIGHT),
                this::request);
    }

    /** Sends one prepared message with no order constraint; see {@link #send(PreparedSend, Object)}. */
    public CompletableFuture<Void> send(PreparedSend send) {
        return send(send, null);
    }

    /**
     * Sends one prepared message; the future completes when AWS has accepted it, or fails. Sends
     * with the same non-null {@code orderKey} to a FIFO destination go out in the order of these
     * calls, one request at a time. To a standard destination, which promises no order, they are
     * paced instead: beyond the first request in flight they leave only in full batches, beside it
     * (up to {@link #FULL_BATCHES_IN_FLIGHT}), and their futures may complete out of order.
     */
    public CompletableFuture<Void> send(PreparedSend send, Object orderKey) {
        boolean paced = orderKey != null && !send.destination().isFifo();
        return line.add(Target.of(send), send, paced ? BatchLine.paced(orderKey) : orderKey);
    }

    /**
     * As {@link #send(PreparedSend, Object)}, for a caller that waits for the outcome: if the message
     * leaves at once and alone, its request is made on this thread with a blocking client, and the
     * future is complete when this returns (see {@code CallerThreadClients}). If it has to wait for a
     * slot, it leaves as any other send, with those that waited beside it.
     */
    public CompletableFuture<Void> sendWaiting(PreparedSend send, Object orderKey) {
        waitedForHere.set(send);
        try {
            return send(send, orderKey);
        } finally {
            waitedForHere.remove();
        }
    }

    /**
     * Sends a transaction's messages, all put in line before the first request leaves, so that they
     * fill batches rather than the first leaving alone. They share one order key: to one destination
     * their batches go one after another, in order, as they did when a commit chained them.
     *
     * Their large bodies are all stored in S3 first: if one cannot be, the future fails and none
     * of the messages is sent.
     *
     * @return per message, in order: null when sent, else why not (in doubt, or refused)
     */
    public CompletableFuture<List<HakeException>> sendAll(List<PreparedSend> sends) {
        if (uploads == null) {
            return putInLine(sends);
        }
        return uploads.storeAll(sends).thenCompose(this::putInLine);
    }

    private CompletableFuture<List<HakeException>> putInLine(List<PreparedSend> sends) {
        List<CompletableFuture<HakeException>> outcomes = line.addAll(sends, Target::of, new Object()).stream()
                .map(sent -> sent.handle((ok, failure) -> failure == null ? null : AwsErrors.translate(failure, "send")))
                .toList();
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(all -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    /** One request for a batch: a lone message as SendMessage or Publish, more as a batch request. */
    private CompletableFuture<List<HakeException>> request(Target to, List<PreparedSend> batch) {
        CompletableFuture<List<HakeException>> call;
        try {
            if (batch.size() > 1) {
                call = transmitter.sendBatch(batch);
            } else {
                PreparedSend lone = batch.get(0);
                CompletableFuture<Void> sent = lone == waitedForHere.get() ? transmitter.sendOneHere(lone)
                        : transmitter.sendOne(lone);
                call = sent.thenApply(ok -> Collections.<HakeException>nCopies(1, null));
            }
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        // A request that failed as a whole fails each of its messages with the same reason.
        return call.exceptionally(failure -> Collections.nCopies(batch.size(), AwsErrors.translate(failure, "send")));
    }
}
