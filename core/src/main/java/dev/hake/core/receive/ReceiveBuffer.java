package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.observe.Observer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The receive side of one consumer on one SQS queue: long polls of up to ten messages into a
 * bounded buffer, with no thread of its own.
 *
 * <p>It fetches only while it is started and someone wants messages: a listener (continuous
 * demand) or a thread blocked in {@link #receive}. A consumer on a stopped connection therefore
 * never takes messages from the queue. What sits in the buffer when the receiver is stopped or
 * closed is released at once (made visible again), and a poll still in flight at close releases
 * what it brings back when it lands.
 *
 * <p>This class holds the buffer and the threads waiting on it; its {@link Poller} fills it, as its
 * {@link PollPolicy} decides, under the same lock.
 */
@CoreApi
public final class ReceiveBuffer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveBuffer.class);
    /** A buffered message this close to its visibility deadline is not delivered: SQS may hand it out again. */
    private static final long EXPIRY_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String queueUrl;
    private final HakeSettings settings;
    private final Acknowledger acknowledger;
    private final UndeliveredRelease release;
    private final Poller poller;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<ReceivedMessage> buffer = new ArrayDeque<>();
    private final Observer observer;
    private final ReceiveWaiters waiters = new ReceiveWaiters();
    private boolean started;
    private boolean closed;
    private Runnable listener;
    /** A failure that retrying cannot mend (no such queue, access denied), for the next receive() to throw. */
    private HakeException failure;
    /** Where a listener's permanent failure goes (nobody calls receive() to hear it); null: nowhere. */
    private volatile Consumer<HakeException> listenerFailures;
    /** How close to its visibility deadline a buffered message may be and still be delivered; negative: always. */
    private final long expiryMarginNanos;

    public ReceiveBuffer(SqsAsyncClient sqs, String queueUrl, WireDestination source, MessageDecoder decoder,
                         HakeSettings settings, Acknowledger acknowledger, DeliveryLedger ledger,
                         ScheduledExecutorService scheduler, PollsInFlight polls, PollTurnsByQueue turnsByQueue) {
        this(sqs, queueUrl, source, decoder, settings, acknowledger, ledger, scheduler, polls, turnsByQueue,
                Observer.NONE);
    }

    /** @param observer told of the messages that arrive, expire, and enter and leave this buffer */
    public ReceiveBuffer(SqsAsyncClient sqs, String queueUrl, WireDestination source, MessageDecoder decoder,
                         HakeSettings settings, Acknowledger acknowledger, DeliveryLedger ledger,
                         ScheduledExecutorService scheduler, PollsInFlight polls, PollTurnsByQueue turnsByQueue,
                         Observer observer) {
        this.observer = observer;
        this.queueUrl = queueUrl;
        this.settings = settings;
        this.acknowledger = acknowledger;
        this.expiryMarginNanos = expiryMargin(settings.visibilityTimeoutSeconds());
        this.release = new UndeliveredRelease(acknowledger, queueUrl);
        AnswerReader reader = new AnswerReader(queueUrl, source, decoder, settings, acknowledger, ledger,
                queueUrl.endsWith(".fifo"), observer);
        ReceiveRequest request = new ReceiveRequest(sqs, queueUrl, settings.visibilityTimeoutSeconds(), scheduler,
                decoder);
        this.poller = new Poller(lock, new PollerView(), queueUrl, request, reader, release, settings, scheduler,
                polls, turnsByQueue);
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Sets the filter applied to every message that arrives from now on. */
    public void filter(MessageFilter filter) {
        poller.filter(filter);
    }

    /**
     * Switches to listener mode: the receiver keeps its buffer filled while started and calls
     * {@code onAvailable} (on an SDK completion thread; it must not block) whenever messages arrive.
     */
    public void listen(Runnable onAvailable) {
        lock.lock();
        try {
            listener = onAvailable;
            poller.pollIfWanted();
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
            poller.pollIfWanted();
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
            toRelease.addAll(poller.drainSkipped());
            shortPoll = poller.lastShortPoll();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        release.releaseAndWait(toRelease);
        release.awaitShortPoll(shortPoll);
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
            waiters.enter(forever, deadline);
            long landedAtStart = poller.pollsLanded();
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
                    if (started && !poller.polling() && poller.pollsLanded() == landedAtStart && !ownShortPoll) {
                        ownShortPoll = true;
                        poller.shortPollNow();
                    }
                    if (!poller.polling() || !started || !ownShortPoll) {
                        return null;
                    }
                    changed.await(settings.receiveWaitSeconds() + 5L, TimeUnit.SECONDS);
                    if (poller.pollsLanded() != landedAtStart && buffer.isEmpty()) {
                        return null;
                    }
                    continue;
                }
                if (forever) {
                    poller.pollIfWanted();
                    changed.await();
                    continue;
                }
                // Compare by difference: nanoTime may be negative, so deadlines must not be compared directly.
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                poller.pollIfWanted();
                changed.awaitNanos(remaining);
            }
        } finally {
            waiters.leave(forever);
            if (took) {
                poller.afterTake();
            }
            lock.unlock();
        }
    }

    /** The next buffered message without waiting or fetching, for listener dispatch; null if none. */
    public ReceivedMessage poll() {
        lock.lock();
        try {
            if (!started || closed) {
                return null;
            }
            ReceivedMessage next = pollFresh();
            poller.pollIfWanted();
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
                release.releaseEach(messages, true);
                return;
            }
            for (int i = messages.size() - 1; i >= 0; i--) {
                buffer.addFirst(messages.get(i));
            }
            observer.prefetched(messages.size());
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
            poller.leaveTurns();
            toRelease = drainBuffer();
            toRelease.addAll(poller.drainSkipped());
            shortPoll = poller.lastShortPoll();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        release.releaseAndWait(toRelease);
        release.awaitShortPoll(shortPoll);
    }

    /**
     * Where a listener's failures that retrying cannot mend go (the JMS connection's
     * ExceptionListener); the first of each run of failures is told.
     */
    public void onListenerFailure(Consumer<HakeException> sink) {
        this.listenerFailures = sink;
    }

    /**
     * Two seconds, or a quarter of a short visibility timeout: a margin as long as the whole timeout
     * would drop every message. With a timeout of 0, SQS hides nothing, so there is nothing to protect.
     */
    static long expiryMargin(int visibilitySeconds) {
        if (visibilitySeconds == 0) {
            return -1;
        }
        return Math.min(EXPIRY_MARGIN_NANOS, TimeUnit.SECONDS.toNanos(visibilitySeconds) / 4);
    }

    private ReceivedMessage pollFresh() {
        long now = System.nanoTime();
        while (!buffer.isEmpty()) {
            ReceivedMessage m = buffer.pollFirst();
            observer.prefetched(-1);
            if (expiryMarginNanos < 0 || !m.visibilityExpired(now, expiryMarginNanos)) {
                return m;
            }
            acknowledger.letGo(m);
            LOG.debug("dropping a prefetched message whose visibility ran out; SQS hands it out again [queue={}]", queueUrl);
        }
        return null;
    }

    private List<ReceivedMessage> drainBuffer() {
        List<ReceivedMessage> all = new ArrayList<>(buffer);
        buffer.clear();
        observer.prefetched(-all.size());
        return all;
    }

    /** This buffer as its poller sees it; called under the lock. */
    private final class PollerView implements Poller.Buffer {

        @Override
        public PollPolicy.Demand demand() {
            return new PollPolicy.Demand(started, closed, listener != null, waiters.count(),
                    waiters.waitingForever(), waiters.earliestDeadlineNanos(), buffer.size());
        }

        @Override
        public Runnable add(List<ReceivedMessage> arrived) {
            buffer.addAll(arrived);
            observer.prefetched(arrived.size());
            return listener;
        }

        @Override
        public Runnable failedForGood(HakeException translated, boolean firstInARow) {
            if (listener == null) {
                failure = translated;
                return null;
            }
            Consumer<HakeException> sink = listenerFailures;
            return firstInARow && sink != null ? () -> sink.accept(translated) : null;
        }

        @Override
        public void signal() {
            changed.signalAll();
        }
    }
}
