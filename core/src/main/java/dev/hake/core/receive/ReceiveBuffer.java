package dev.hake.core.receive;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.aws.AwsErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The receive side of one consumer on one SQS queue: long polls of up to ten messages into a
 * bounded buffer, with no thread of its own.
 *
 * <p>It fetches only while it is started and someone wants messages: a listener (continuous
 * demand) or a thread blocked in {@link #receive}. A consumer on a stopped connection therefore
 * never takes messages from the queue. What sits in the buffer when the receiver is stopped or
 * closed is released at once (made visible again), and a poll still in flight at close releases
 * what it brings back when it lands.
 */
public final class ReceiveBuffer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveBuffer.class);
    /** A buffered message this close to its visibility deadline is not delivered: SQS may hand it out again. */
    private static final long EXPIRY_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Skipped messages held at most; past it they go back to the queue even mid-scan. */
    private static final int MAX_SKIPPED = 1_000;
    /** Pause after handing skipped messages back, so other consumers can take them first. */
    private static final long SKIP_BACKOFF_MILLIS = 1_000;
    private static final int FIFO_MAX_WAIT_SECONDS = 1;
    private static final long RELEASE_WAIT_SECONDS = 5;
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SqsAsyncClient sqs;
    private final String queueUrl;
    private final HakeSettings settings;
    private final Acknowledger acknowledger;
    private final AnswerReader reader;
    private final ScheduledExecutorService scheduler;
    private final PollsInFlight polls;
    private final boolean fifo;
    /** Shared with this connection's other consumers of the queue; null for FIFO queues, which are not paced. */
    private final PollTurns turns;
    private final PollTurnsByQueue turnsByQueue;
    /** This consumer as {@link PollTurns} knows it: offered a turn, it polls if it still wants to. */
    private final BooleanSupplier turnOffer = this::pollOnOfferedTurn;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<ReceivedMessage> buffer = new ArrayDeque<>();
    private boolean started;
    private boolean closed;
    private boolean fetching;
    private boolean retryPending;
    private long fetchesCompleted;
    private int blockedReceivers;
    private static final long NO_DEADLINE = Long.MIN_VALUE;
    private int waitingForever;
    /** Earliest deadline of the threads in a timed receive; NO_DEADLINE when there are none. */
    private long earliestReceiverDeadlineNanos = NO_DEADLINE;
    private Runnable listener;
    /** A failure that retrying cannot mend (no such queue, access denied), for the next receive() to throw. */
    private HakeException failure;
    /** Where a listener's permanent failure goes (nobody calls receive() to hear it); null: nowhere. */
    private volatile Consumer<HakeException> listenerFailures;
    private final PollBackoff backoff = new PollBackoff();
    private volatile MessageFilter filter = MessageFilter.DELIVER_ALL;
    /** Messages a filter skipped, kept hidden so polls reach the rest of the queue; see {@link #landed}. */
    private final List<ReceivedMessage> skipped = new ArrayList<>();
    private final Set<String> skippedIds = new HashSet<>();
    private boolean backOffAfterSkips;
    /** The last poll came back full: more may be waiting. */
    private boolean lastAnswerFull;
    /**
     * A listener that had taken everything before a full answer landed may poll for the next batch
     * at once, while it works through this one (as a hand-written SDK consumer does), instead of
     * waiting until it has taken the first message. A listener that falls behind does not: it
     * never holds more than two batches, and usually one.
     */
    private boolean pollAhead;
    /** When the messages this consumer hid until their delivery time come due; no poll waits past one. */
    private final DueTimes due = new DueTimes();
    /** The short poll in flight, with the release of what it brings if the receiver closes meanwhile. */
    private CompletableFuture<Void> shortPollHandled;

    public ReceiveBuffer(SqsAsyncClient sqs, String queueUrl, WireDestination source, MessageDecoder decoder,
                         HakeSettings settings, Acknowledger acknowledger, DeliveryLedger ledger,
                         ScheduledExecutorService scheduler, PollsInFlight polls, PollTurnsByQueue turnsByQueue) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.settings = settings;
        this.acknowledger = acknowledger;
        this.scheduler = scheduler;
        this.polls = polls;
        this.fifo = queueUrl.endsWith(".fifo");
        this.reader = new AnswerReader(queueUrl, source, decoder, settings, acknowledger, ledger, fifo);
        this.turnsByQueue = turnsByQueue;
        this.turns = fifo ? null : turnsByQueue.join(queueUrl);
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Sets the filter applied to every message that arrives from now on. */
    public void filter(MessageFilter filter) {
        this.filter = filter;
    }

    /**
     * Switches to listener mode: the receiver keeps its buffer filled while started and calls
     * {@code onAvailable} (on an SDK completion thread; it must not block) whenever messages arrive.
     */
    public void listen(Runnable onAvailable) {
        lock.lock();
        try {
            listener = onAvailable;
            maybeFetch();
        } finally {
            lock.unlock();
        }
    }

    /** Stops listener mode; buffered messages stay for {@link #receive}. */
    public void unlisten() {
        lock.lock();
        try {
            listener = null;
        } finally {
            lock.unlock();
        }
    }

    public void start() {
        lock.lock();
        try {
            started = true;
            maybeFetch();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Pauses: no more fetches, and what is buffered (or a short poll in flight brings) goes back to the queue at once. */
    public void stop() {
        List<ReceivedMessage> toRelease;
        CompletableFuture<Void> shortPoll;
        lock.lock();
        try {
            started = false;
            toRelease = drainBuffer();
            toRelease.addAll(drainSkipped());
            shortPoll = shortPollHandled;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        releaseNow(toRelease);
        awaitQuietly(shortPoll);
    }

    /**
     * Takes the next message, waiting up to {@code timeoutMillis} (0: don't wait beyond one quick
     * look at the queue; negative: wait until a message comes or the receiver closes). Returns
     * null on timeout, on close, or while stopped when the time runs out.
     */
    public ReceivedMessage receive(long timeoutMillis) throws InterruptedException {
        boolean forever = timeoutMillis < 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(forever ? 0 : timeoutMillis);
        lock.lockInterruptibly();
        boolean took = false;
        try {
            blockedReceivers++;
            if (forever) {
                waitingForever++;
            } else {
                earliestReceiverDeadlineNanos = earliestReceiverDeadlineNanos == NO_DEADLINE
                        || deadline - earliestReceiverDeadlineNanos < 0 ? deadline : earliestReceiverDeadlineNanos;
            }
            long fetchesAtStart = fetchesCompleted;
            boolean ownShortPoll = false;
            while (true) {
                if (closed) {
                    return null;
                }
                ReceivedMessage next = started ? pollFresh() : null;
                if (next != null) {
                    took = true;
                    return next;
                }
                if (failure != null) {
                    HakeException f = failure;
                    failure = null;
                    throw f;
                }
                if (timeoutMillis == 0) {
                    // receiveNoWait: one short poll of its own, then answer. A long poll already in
                    // flight would make it wait for seconds: then the answer is simply "nothing now".
                    if (started && !fetching && fetchesCompleted == fetchesAtStart && !ownShortPoll) {
                        ownShortPoll = true;
                        fetch(0, false);
                    }
                    if (!fetching || !started || !ownShortPoll) {
                        return null;
                    }
                    changed.await(settings.receiveWaitSeconds() + 5L, TimeUnit.SECONDS);
                    if (fetchesCompleted != fetchesAtStart && buffer.isEmpty()) {
                        return null;
                    }
                    continue;
                }
                if (forever) {
                    maybeFetch();
                    changed.await();
                    continue;
                }
                // Compare by difference: nanoTime may be negative, so deadlines must not be compared directly.
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                maybeFetch();
                changed.awaitNanos(remaining);
            }
        } finally {
            blockedReceivers--;
            if (forever) {
                waitingForever--;
            }
            if (blockedReceivers == 0) {
                earliestReceiverDeadlineNanos = NO_DEADLINE;
            }
            if (took) {
                fetchAhead();
            }
            lock.unlock();
        }
    }

    /**
     * A thread in receive() just took a message. If it was the last of a full answer, more are
     * probably waiting (a backlog): one short poll fetches the next batch while the caller works on
     * this one (a transacted consumer commits; Spring's listener container acknowledges), so that
     * its next receive finds it instead of waiting a poll's round trip. Only a short poll: a long
     * one could outlive the consumer and hide the next message sent from everyone else, and a short
     * poll in flight is awaited at close and stop. Holds the lock.
     */
    private void fetchAhead() {
        if (blockedReceivers > 0) {
            maybeFetch();
            return;
        }
        if (listener != null || fifo || !lastAnswerFull || !buffer.isEmpty()
                || closed || !started || fetching || retryPending) {
            return;
        }
        if (turns != null && !turns.tryStart(turnOffer)) {
            return;
        }
        fetch(0, turns != null);
    }

    /** The next buffered message without waiting or fetching, for listener dispatch; null if none. */
    public ReceivedMessage poll() {
        lock.lock();
        try {
            if (!started || closed) {
                return null;
            }
            ReceivedMessage next = pollFresh();
            maybeFetch();
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Puts messages back at the head of the buffer, in order (Session.recover, rollback). */
    public void pushBack(List<ReceivedMessage> messages) {
        lock.lock();
        try {
            if (closed) {
                releaseUndeliveredLater(messages, true);
                return;
            }
            for (int i = messages.size() - 1; i >= 0; i--) {
                buffer.addFirst(messages.get(i));
            }
            changed.signalAll();
            if (listener != null && started) {
                listener.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes: releases the buffer at once; a long poll in flight releases what it brings when it
     * lands, and a short one (a round trip) is waited for.
     */
    @Override
    public void close() {
        List<ReceivedMessage> toRelease;
        CompletableFuture<Void> shortPoll;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            listener = null;
            if (turns != null) {
                turns.forget(turnOffer);
                turnsByQueue.leave(queueUrl, turns);
            }
            toRelease = drainBuffer();
            toRelease.addAll(drainSkipped());
            shortPoll = shortPollHandled;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        releaseNow(toRelease);
        awaitQuietly(shortPoll);
    }

    private ReceivedMessage pollFresh() {
        long now = System.nanoTime();
        while (!buffer.isEmpty()) {
            ReceivedMessage m = buffer.pollFirst();
            if (!m.visibilityExpired(now, EXPIRY_MARGIN_NANOS)) {
                return m;
            }
            acknowledger.letGo(m);
            LOG.debug("dropping a prefetched message whose visibility ran out; SQS hands it out again [queue={}]", queueUrl);
        }
        return null;
    }

    private List<ReceivedMessage> drainSkipped() {
        List<ReceivedMessage> all = new ArrayList<>(skipped);
        skipped.clear();
        skippedIds.clear();
        return all;
    }

    private List<ReceivedMessage> drainBuffer() {
        List<ReceivedMessage> all = new ArrayList<>(buffer);
        buffer.clear();
        return all;
    }

    private void maybeFetch() {
        // A synchronous receiver wants only what its waiting threads will take: a poll beyond that
        // would hide messages from other consumers, and one still in flight when the consumer
        // closes takes the next message sent (SQS cannot cancel a long poll).
        boolean wanted = listener != null || blockedReceivers > buffer.size();
        int bufferLimit = pollAhead ? 2 * settings.receiveBatchSize() : settings.receiveBatchSize();
        if (closed || !started || fetching || retryPending || !wanted || buffer.size() >= bufferLimit) {
            return;
        }
        int waitSeconds;
        if (listener != null || waitingForever > 0 || earliestReceiverDeadlineNanos == NO_DEADLINE) {
            waitSeconds = listener != null ? settings.receiveWaitSeconds() : HakeSettings.MAX_WAIT_SECONDS;
        } else {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(earliestReceiverDeadlineNanos - System.nanoTime());
            // Round up: a poll may outlive the receive call by under a second; what it brings is buffered.
            waitSeconds = (int) Math.min(HakeSettings.MAX_WAIT_SECONDS, Math.max(0, (remainingMillis + 999) / 1000));
        }
        long now = System.nanoTime();
        long untilDue = due.nanosUntilNext(now);
        if (untilDue < SECOND_NANOS) {
            // A delayed message reappears in under a second: poll once just after it and whatever
            // comes due with it, so that they are found.
            pauseFetching(TimeUnit.NANOSECONDS.toMillis(due.groupPollDelayNanos(now, untilDue)) + 1);
            return;
        }
        // End the poll before the next delayed message reappears (whole seconds, rounded down).
        waitSeconds = (int) Math.min(waitSeconds, untilDue / SECOND_NANOS);
        if (turns != null && !turns.tryStart(turnOffer)) {
            return;
        }
        // A FIFO group is locked while its messages are in flight, and an emulator's long poll does
        // not wake when our own deletes unlock it: poll FIFO queues in short rounds.
        fetch(fifo ? Math.min(waitSeconds, FIFO_MAX_WAIT_SECONDS) : waitSeconds, turns != null);
    }

    /** Offered a turn to poll: polls if this consumer still wants messages, and says whether it did. */
    private boolean pollOnOfferedTurn() {
        lock.lock();
        try {
            boolean wasFetching = fetching;
            maybeFetch();
            return fetching && !wasFetching;
        } finally {
            lock.unlock();
        }
    }

    /** Sends one ReceiveMessage; {@code tookTurn}: it was started by {@link PollTurns#tryStart}. */
    private void fetch(int waitSeconds, boolean tookTurn) {
        fetching = true;
        // Ask for a full batch (a request costs the same whatever it returns), except in a
        // synchronous consumer's first poll: that asks only for what its waiting threads will take,
        // since a consumer opened for one message and closed (Spring's CACHE_NONE, camel-jms
        // transacted) would otherwise take ten and give nine back each time.
        int batch = settings.receiveBatchSize();
        int max = listener == null && fetchesCompleted == 0
                ? Math.min(batch, Math.max(1, blockedReceivers - buffer.size())) : batch;
        CompletableFuture<ReceiveMessageResponse> call;
        try {
            call = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds(waitSeconds)
                    .visibilityTimeout(settings.visibilityTimeoutSeconds())
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            MessageSystemAttributeName.SENT_TIMESTAMP));
        } catch (RuntimeException e) {
            // Handled on the timer thread, as a failed poll would be: never under this lock, since
            // handing on the turn may call other consumers.
            CompletableFuture<ReceiveMessageResponse> failed = new CompletableFuture<>();
            try {
                scheduler.execute(() -> failed.completeExceptionally(e));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                failed.completeExceptionally(e);
            }
            call = failed;
        }
        CompletableFuture<Void> handled = call.handle((response, error) -> {
            AnswerReader.Answer answer = response == null ? null : reader.read(response, filter);
            if (tookTurn) {
                // Before this consumer's lock: handing on the turn may call other consumers. The
                // pacer counts only what this poll made available: a message still under its
                // delivery delay was hidden again and says nothing about the rate.
                turns.landed(answer == null ? -1 : answer.available(), max);
            }
            return landed(answer, error, max);
        }).thenCompose(released -> released);
        if (waitSeconds == 0) {
            shortPollHandled = handled;
        }
        polls.add(handled);
    }

    /**
     * A poll came back ({@code answer} null if it failed). Skipped messages (a queue consumer's
     * selector said no) stay hidden while polls reach the messages behind them. Once a poll comes
     * back short of what it asked for, the consumer has seen the whole visible queue: the skipped
     * messages are made visible again at once, for other consumers, and this consumer waits
     * {@link #SKIP_BACKOFF_MILLIS} before it polls again, so that it does not take them straight
     * back. Returns the release of what came back for a receiver that closed or stopped meanwhile.
     */
    private CompletableFuture<Void> landed(AnswerReader.Answer answer, Throwable error, int requested) {
        List<ReceivedMessage> arrived = answer == null ? List.of() : answer.arrived();
        List<ReceivedMessage> skippedNow = answer == null ? List.of() : answer.skipped();
        int polled = answer == null ? -1 : answer.polled();
        Runnable notify = null;
        Runnable notifyFailure = null;
        List<ReceivedMessage> toRelease = new ArrayList<>();
        lock.lock();
        try {
            fetching = false;
            fetchesCompleted++;
            if (error == null) {
                long failedPolls = backoff.succeeded();
                if (failedPolls > 0) {
                    LOG.info("receive works again after {} failed polls [queue={}]", failedPolls, queueUrl);
                }
            }
            // A first poll that asked for less than a batch says nothing of a backlog.
            lastAnswerFull = polled >= requested && requested == settings.receiveBatchSize();
            if (answer != null && !closed) {
                due.addAll(answer.dueAtNanos());
            }
            if (closed || !started) {
                toRelease.addAll(arrived);
                toRelease.addAll(skippedNow);
            } else {
                pollAhead = listener != null && lastAnswerFull && buffer.isEmpty();
                buffer.addAll(arrived);
                if (!arrived.isEmpty()) {
                    notify = listener;
                }
                boolean seenAll = polled >= 0 && (polled < requested
                        || skippedNow.stream().allMatch(m -> skippedIds.contains(m.sqsMessageId())));
                skipped.addAll(skippedNow);
                skippedNow.forEach(m -> skippedIds.add(m.sqsMessageId()));
                if (!skipped.isEmpty() && (seenAll || skipped.size() > MAX_SKIPPED)) {
                    toRelease.addAll(drainSkipped());
                    backOffAfterSkips = true;
                }
            }
            if (error != null && !closed) {
                notifyFailure = pollFailed(AwsErrors.translate(error, "SQS ReceiveMessage [queue=" + queueUrl + "]"));
            } else if (backOffAfterSkips) {
                backOffAfterSkips = false;
                pauseFetching(SKIP_BACKOFF_MILLIS);
            } else {
                // The next poll waits for its turn (PollTurns paces listeners and threads in
                // receive() alike: Spring's listener container loops on receive).
                maybeFetch();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        CompletableFuture<Void> released = releaseUndelivered(toRelease);
        if (notify != null) {
            notify.run();
        }
        if (notifyFailure != null) {
            notifyFailure.run();
        }
        return released;
    }

    /**
     * A poll failed after the SDK's own retries: the next waits, longer after each failure in a row
     * ({@link PollBackoff}), so that a throttled or unreachable endpoint is not hammered. Only a
     * failure that waiting cannot mend reaches the application: the next receive() throws it, or a
     * listener's connection hears it (returned, to run outside the lock). The first failure of a run
     * is logged; the rest quietly, until a poll succeeds again. Holds the lock.
     */
    private Runnable pollFailed(HakeException translated) {
        long pause = backoff.failed();
        boolean first = backoff.failuresInARow() == 1;
        if (first) {
            LOG.warn("receive failed; retrying in {} ms, then with growing pauses until it works [queue={}]: {}",
                    pause, queueUrl, translated.getMessage());
        } else {
            LOG.debug("receive failed again ({} in a row); retrying in {} ms [queue={}]: {}",
                    backoff.failuresInARow(), pause, queueUrl, translated.getMessage());
        }
        pauseFetching(pause);
        if (!AwsErrors.isPermanent(translated)) {
            return null;
        }
        if (listener == null) {
            failure = translated;
            return null;
        }
        Consumer<HakeException> sink = listenerFailures;
        return first && sink != null ? () -> sink.accept(translated) : null;
    }

    /**
     * Where a listener's failures that retrying cannot mend go (the JMS connection's
     * ExceptionListener); the first of each run of failures is told.
     */
    public void onListenerFailure(Consumer<HakeException> sink) {
        this.listenerFailures = sink;
    }

    /** No fetch for a while (after a failure, or after handing skipped messages back). */
    private void pauseFetching(long millis) {
        retryPending = true;
        scheduler.schedule(() -> {
            lock.lock();
            try {
                retryPending = false;
                maybeFetch();
            } finally {
                lock.unlock();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Void> releaseUndelivered(List<ReceivedMessage> messages) {
        return acknowledger.releaseAll(messages, false);
    }

    private CompletableFuture<Void> releaseUndeliveredLater(List<ReceivedMessage> messages, boolean delivered) {
        return CompletableFuture.allOf(messages.stream().map(m -> acknowledger.release(m, delivered))
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Releases and waits (a bounded time) until SQS has made the messages visible: whoever polls
     * next, here or elsewhere, then finds them (an emulator's long poll may not wake for them).
     */
    private void releaseNow(List<ReceivedMessage> messages) {
        if (!messages.isEmpty()) {
            awaitBounded(releaseUndelivered(messages), "release not confirmed in time");
        }
    }

    /**
     * Waits (a bounded time) for a short poll still in flight to land and release what it brought:
     * it takes a round trip, and whoever polls next, here or elsewhere, then finds those messages.
     */
    private void awaitQuietly(CompletableFuture<Void> shortPoll) {
        if (shortPoll != null) {
            awaitBounded(shortPoll, "a short poll in flight at stop did not land in time");
        }
    }

    private void awaitBounded(CompletableFuture<?> step, String whenLate) {
        if (step.isDone()) {
            return;
        }
        try {
            step.get(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("{} [queue={}]: {}", whenLate, queueUrl, e.toString());
        }
    }
}
