package dev.hake.core.receive;

import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.aws.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Fills one consumer's receive buffer: carries out what its {@link PollPolicy} decides (polls,
 * taking turns with the connection's other consumers of the queue, and pauses), and hands what
 * each poll brings to the buffer. Runs under the buffer's lock, on the caller's thread, the timer
 * thread and SDK completion threads; it has no thread of its own.
 */
final class Poller {

    /** The receive buffer a poller fills; called under the buffer's lock. */
    interface Buffer {

        PollPolicy.Demand demand();

        /** Buffers what a poll brought; returns whom to tell, outside the lock, or null. */
        Runnable add(List<ReceivedMessage> arrived);

        /** Polls fail in a way retrying cannot mend; returns whom to tell, outside the lock, or null. */
        Runnable failedForGood(HakeException failure, boolean firstInARow);

        /** Wakes the threads waiting in receive(): a poll landed. */
        void signal();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final ReentrantLock lock;
    private final Buffer buffer;
    private final String queueUrl;
    private final ReceiveRequest request;
    private final AnswerReader reader;
    private final UndeliveredRelease release;
    private final ScheduledExecutorService scheduler;
    private final PollsInFlight polls;
    private final PollPolicy policy;
    private final SkippedMessages skipped = new SkippedMessages();
    /** Shared with this connection's other consumers of the queue; null for FIFO queues, which are not paced. */
    private final PollTurns turns;
    private final PollTurnsByQueue turnsByQueue;
    /** This consumer as {@link PollTurns} knows it: offered a turn, it polls if it still wants to. */
    private final BooleanSupplier turnOffer = this::pollOnOfferedTurn;
    private volatile MessageFilter filter = MessageFilter.DELIVER_ALL;
    /** The short poll in flight, with the release of what it brings if the receiver closes meanwhile. */
    private CompletableFuture<Void> shortPollHandled;

    Poller(ReentrantLock lock, Buffer buffer, String queueUrl, ReceiveRequest request, AnswerReader reader,
           UndeliveredRelease release, HakeSettings settings, ScheduledExecutorService scheduler,
           PollsInFlight polls, PollTurnsByQueue turnsByQueue) {
        boolean fifo = queueUrl.endsWith(".fifo");
        this.lock = lock;
        this.buffer = buffer;
        this.queueUrl = queueUrl;
        this.request = request;
        this.reader = reader;
        this.release = release;
        this.scheduler = scheduler;
        this.polls = polls;
        this.policy = new PollPolicy(settings.receiveBatchSize(), settings.receiveWaitSeconds(), fifo);
        this.turnsByQueue = turnsByQueue;
        this.turns = fifo ? null : turnsByQueue.join(queueUrl);
    }

    /** Sets the filter applied to every message that arrives from now on. */
    void filter(MessageFilter filter) {
        this.filter = filter;
    }

    /** Polls if the buffer wants messages and the policy allows. Holds the lock. */
    void pollIfWanted() {
        carryOut(policy.next(buffer.demand(), System.nanoTime()));
    }

    /** A thread in receive() took a message: see {@link PollPolicy#afterTake}. Holds the lock. */
    void afterTake() {
        carryOut(policy.afterTake(buffer.demand(), System.nanoTime()));
    }

    /** One short poll now, outside the turns: receiveNoWait's own look at the queue. Holds the lock. */
    void shortPollNow() {
        send(policy.maxMessages(buffer.demand()), 0, false);
    }

    boolean polling() {
        return policy.polling();
    }

    long pollsLanded() {
        return policy.pollsLanded();
    }

    /** The last short poll sent, with the release of what it brings; null if none was. Holds the lock. */
    CompletableFuture<Void> lastShortPoll() {
        return shortPollHandled;
    }

    /** Takes the skipped messages held, to hand back. Holds the lock. */
    List<ReceivedMessage> drainSkipped() {
        return skipped.drain();
    }

    /** The consumer closed: it takes no more turns. Holds the lock. */
    void leaveTurns() {
        if (turns != null) {
            turns.forget(turnOffer);
            turnsByQueue.leave(queueUrl, turns);
        }
    }

    private void carryOut(PollDecision decision) {
        if (decision instanceof PollDecision.Pause pause) {
            pause(pause.millis());
        } else if (decision instanceof PollDecision.Poll poll) {
            if (turns != null && !turns.tryStart(turnOffer)) {
                return;
            }
            send(poll.maxMessages(), poll.waitSeconds(), turns != null);
        }
    }

    /** Offered a turn to poll: polls if this consumer still wants messages, and says whether it did. */
    private boolean pollOnOfferedTurn() {
        lock.lock();
        try {
            int inFlightBefore = policy.pollsInFlight();
            pollIfWanted();
            return policy.pollsInFlight() > inFlightBefore;
        } finally {
            lock.unlock();
        }
    }

    /** Sends one ReceiveMessage; {@code tookTurn}: it was started by {@link PollTurns#tryStart}. */
    private void send(int max, int waitSeconds, boolean tookTurn) {
        policy.pollSent();
        CompletableFuture<ReceiveMessageResponse> answer = request.send(max, waitSeconds);
        AnsweredAtOnce answeredAtOnce = new AnsweredAtOnce();
        CompletableFuture<Void> handled = answer.handleAsync((response, error) -> {
            AnswerReader.Answer read = response == null ? null : reader.read(response, filter);
            if (tookTurn) {
                // Before this consumer's lock: handing on the turn may call other consumers. The
                // pacer counts only what this poll made available: a message still under its
                // delivery delay was hidden again and says nothing about the rate.
                turns.landed(read == null ? -1 : read.available(), max);
            }
            return landed(read, error, max);
        }, answeredAtOnce).thenCompose(released -> released);
        answeredAtOnce.attached();
        if (waitSeconds == 0) {
            shortPollHandled = handled;
        }
        polls.add(handled);
    }

    /**
     * Lands a poll where its answer completes, except an answer that was complete before its handler
     * was attached (an SDK that answers at once, as the tests' in-memory one does): attaching runs
     * the handler on the sending thread, which holds this consumer's lock (landing may call other
     * consumers), and a thread in receive() that landed its own poll would then wait for a signal it
     * gave itself. That landing goes to the timer thread.
     */
    private final class AnsweredAtOnce implements Executor {

        private final Thread sender = Thread.currentThread();
        private boolean attaching = true;

        void attached() {
            attaching = false;
        }

        @Override
        public void execute(Runnable landing) {
            if (!attaching || Thread.currentThread() != sender) {
                landing.run();
                return;
            }
            try {
                scheduler.execute(landing);
            } catch (RejectedExecutionException stopped) {
                landing.run();
            }
        }
    }

    /**
     * A poll came back ({@code answer} null if it failed). Returns the release of what came back
     * for a receiver that closed or stopped meanwhile, and of skipped messages handed back.
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
            PollPolicy.Demand before = buffer.demand();
            policy.pollLanded(polled, requested, answer == null ? List.of() : answer.dueAtNanos(), before);
            if (error == null) {
                long failedPolls = policy.pollSucceeded();
                if (failedPolls > 0) {
                    LOG.info("receive works again after {} failed polls [queue={}]", failedPolls, queueUrl);
                }
            }
            boolean handedBackSkipped = false;
            if (!before.open()) {
                toRelease.addAll(arrived);
                toRelease.addAll(skippedNow);
            } else {
                notify = arrived.isEmpty() ? null : buffer.add(arrived);
                List<ReceivedMessage> handBack = skipped.landed(skippedNow, polled, requested);
                handedBackSkipped = !handBack.isEmpty();
                toRelease.addAll(handBack);
            }
            PollDecision next;
            if (error != null && !before.closed()) {
                PollDecision.Pause pause = policy.afterFailure();
                notifyFailure = pollFailed(AwsErrors.translate(error, "SQS ReceiveMessage [queue=" + queueUrl + "]"),
                        pause.millis());
                next = pause;
            } else {
                // The next poll waits for its turn (PollTurns paces listeners and threads in
                // receive() alike: Spring's listener container loops on receive).
                next = policy.afterLanding(handedBackSkipped, buffer.demand(), System.nanoTime());
            }
            carryOut(next);
            buffer.signal();
        } finally {
            lock.unlock();
        }
        CompletableFuture<Void> released = release.release(toRelease);
        if (notify != null) {
            notify.run();
        }
        if (notifyFailure != null) {
            notifyFailure.run();
        }
        return released;
    }

    /**
     * A poll failed after the SDK's own retries; the next waits {@code millis}. Only a failure
     * that waiting cannot mend reaches the application (through the buffer). The first failure of a
     * run is logged; the rest quietly, until a poll succeeds again.
     */
    private Runnable pollFailed(HakeException translated, long millis) {
        boolean first = policy.failuresInARow() == 1;
        if (first) {
            LOG.warn("receive failed; retrying in {} ms, then with growing pauses until it works [queue={}]: {}",
                    millis, queueUrl, translated.getMessage());
        } else {
            LOG.debug("receive failed again ({} in a row); retrying in {} ms [queue={}]: {}",
                    policy.failuresInARow(), millis, queueUrl, translated.getMessage());
        }
        return AwsErrors.isPermanent(translated) ? buffer.failedForGood(translated, first) : null;
    }

    /** No poll for a while (after a failure, after handing skipped messages back, or until messages come due). */
    private void pause(long millis) {
        policy.pauseStarted();
        scheduler.schedule(() -> {
            lock.lock();
            try {
                policy.pauseEnded();
                pollIfWanted();
            } finally {
                lock.unlock();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }
}
