package dev.hake.core.receive;

import dev.hake.core.HakeSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * When one consumer polls its queue, for how many messages and how long, and when it pauses
 * instead. It does no I/O and takes no lock: the poller feeds it what happened and what the
 * consumer wants ({@link Demand}), under the receive buffer's lock, and carries out its answers.
 */
final class PollPolicy {

    /** Pause after handing skipped messages back, so other consumers can take them first. */
    static final long SKIP_BACKOFF_MILLIS = 1_000;
    /**
     * A FIFO group is locked while its messages are in flight, and an emulator's long poll does not
     * wake when our own deletes unlock it: FIFO queues are polled in short rounds.
     */
    static final int FIFO_MAX_WAIT_SECONDS = 1;
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * What the consumer wants, as its receive buffer stands. {@code earliestDeadlineNanos}: when
     * the first thread in a timed receive gives up (System.nanoTime), {@link #NO_DEADLINE} if none.
     */
    record Demand(boolean started, boolean closed, boolean listening, int waitingThreads, int waitingForever,
                  long earliestDeadlineNanos, int buffered) {

        static final long NO_DEADLINE = Long.MIN_VALUE;

        boolean open() {
            return started && !closed;
        }
    }

    private final int batchSize;
    private final int listenerWaitSeconds;
    private final boolean fifo;
    private final PollBackoff backoff = new PollBackoff();
    /** When the messages this consumer hid until their delivery time come due; no poll waits past one. */
    private final DueTimes due = new DueTimes();
    /** Polls in flight: one, or two for a listener working through a backlog (see {@link #secondPollWanted}). */
    private int pollsInFlight;
    private boolean paused;
    private long pollsLanded;
    /** The last poll came back full: more may be waiting. */
    private boolean lastAnswerFull;
    /**
     * A listener that had taken everything before a full answer landed may poll for the next batch
     * at once, while it works through this one (as a hand-written SDK consumer does), instead of
     * waiting until it has taken the first message. A listener that falls behind does not: it
     * never holds more than two batches, and usually one.
     */
    private boolean pollAhead;

    PollPolicy(int batchSize, int listenerWaitSeconds, boolean fifo) {
        this.batchSize = batchSize;
        this.listenerWaitSeconds = listenerWaitSeconds;
        this.fifo = fifo;
    }

    /** Whether to poll now, for a consumer that wants {@code demand}, at {@code nowNanos}. */
    PollDecision next(Demand demand, long nowNanos) {
        // A synchronous receiver wants only what its waiting threads will take: a poll beyond that
        // would hide messages from other consumers, and one still in flight when the consumer
        // closes takes the next message sent (SQS cannot cancel a long poll).
        boolean wanted = demand.listening() || demand.waitingThreads() > demand.buffered();
        int bufferLimit = pollAhead ? 2 * batchSize : batchSize;
        if (!demand.open() || paused || !wanted || demand.buffered() >= bufferLimit
                || (pollsInFlight > 0 && !secondPollWanted(demand))) {
            return PollDecision.NOTHING;
        }
        long untilDue = due.nanosUntilNext(nowNanos);
        if (untilDue < SECOND_NANOS) {
            // A delayed message reappears in under a second: poll once just after it and whatever
            // comes due with it, so that they are found.
            return new PollDecision.Pause(TimeUnit.NANOSECONDS.toMillis(due.groupPollDelayNanos(nowNanos, untilDue)) + 1);
        }
        // End the poll before the next delayed message reappears (whole seconds, rounded down).
        int waitSeconds = (int) Math.min(waitSeconds(demand, nowNanos), untilDue / SECOND_NANOS);
        return new PollDecision.Poll(maxMessages(demand), fifo ? Math.min(waitSeconds, FIFO_MAX_WAIT_SECONDS) : waitSeconds);
    }

    private int waitSeconds(Demand demand, long nowNanos) {
        if (demand.listening()) {
            return listenerWaitSeconds;
        }
        if (demand.waitingForever() > 0 || demand.earliestDeadlineNanos() == Demand.NO_DEADLINE) {
            return HakeSettings.MAX_WAIT_SECONDS;
        }
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(demand.earliestDeadlineNanos() - nowNanos);
        // Round up: a poll may outlive the receive call by under a second; what it brings is buffered.
        return (int) Math.min(HakeSettings.MAX_WAIT_SECONDS, Math.max(0, (remainingMillis + 999) / 1000));
    }

    /**
     * Whether a second poll may join the one in flight: for a listener that keeps up with a backlog
     * (its last answer was full and found its buffer empty, and the buffer is empty again), so that
     * it holds at most two batches, counting what the polls will bring. With a round trip of several
     * milliseconds (SQS from EC2) a listener that waits for each answer before sending the next poll
     * is capped at a batch a round trip, however fast it works. Not on FIFO queues, where one poll at
     * a time keeps each group's messages in order; never for synchronous receivers, whose polls
     * must not outlive what their threads will take (see {@link #next}).
     */
    private boolean secondPollWanted(Demand demand) {
        return pollsInFlight == 1 && demand.listening() && pollAhead && !fifo && demand.buffered() == 0;
    }

    /**
     * A thread in receive() just took a message. If it was the last of a full answer, more are
     * probably waiting (a backlog): one short poll fetches the next batch while the caller works on
     * this one (a transacted consumer commits; Spring's listener container acknowledges), so that
     * its next receive finds it instead of waiting a poll's round trip. Only a short poll: a long
     * one could outlive the consumer and hide the next message sent from everyone else, and a short
     * poll in flight is awaited at close and stop.
     */
    PollDecision afterTake(Demand demand, long nowNanos) {
        if (demand.waitingThreads() > 0) {
            return next(demand, nowNanos);
        }
        if (demand.listening() || fifo || !lastAnswerFull || demand.buffered() > 0
                || !demand.open() || pollsInFlight > 0 || paused) {
            return PollDecision.NOTHING;
        }
        return new PollDecision.Poll(maxMessages(demand), 0);
    }

    /**
     * Asks for a full batch (a request costs the same whatever it returns), except in a synchronous
     * consumer's first poll: that asks only for what its waiting threads will take, since a
     * consumer opened for one message and closed (Spring's CACHE_NONE, camel-jms transacted) would
     * otherwise take ten and give nine back each time.
     */
    int maxMessages(Demand demand) {
        return !demand.listening() && pollsLanded == 0
                ? Math.min(batchSize, Math.max(1, demand.waitingThreads() - demand.buffered())) : batchSize;
    }

    /** A poll went out. */
    void pollSent() {
        pollsInFlight++;
    }

    /**
     * A poll of {@code requested} came back with {@code polled} messages (-1: it failed), to a
     * consumer that wanted {@code demand} before what it brought was buffered.
     */
    void pollLanded(int polled, int requested, List<Long> dueAtNanos, Demand demand) {
        pollsInFlight--;
        pollsLanded++;
        // A first poll that asked for less than a batch says nothing of a backlog.
        lastAnswerFull = polled >= requested && requested == batchSize;
        if (!demand.closed()) {
            due.addAll(dueAtNanos);
        }
        if (demand.open()) {
            pollAhead = demand.listening() && lastAnswerFull && demand.buffered() == 0;
        }
    }

    /** A poll succeeded; returns how many had failed in a row before it. */
    long pollSucceeded() {
        return backoff.succeeded();
    }

    /**
     * A poll failed after the SDK's own retries: the next waits, longer after each failure in a row
     * ({@link PollBackoff}), so that a throttled or unreachable endpoint is not hammered.
     */
    PollDecision.Pause afterFailure() {
        return new PollDecision.Pause(backoff.failed());
    }

    /**
     * What to do once a poll has landed without failing and what it brought is buffered: after
     * handing skipped messages back, pause, so that other consumers find them first; otherwise as
     * {@link #next}.
     */
    PollDecision afterLanding(boolean handedBackSkipped, Demand demand, long nowNanos) {
        if (handedBackSkipped) {
            return new PollDecision.Pause(SKIP_BACKOFF_MILLIS);
        }
        return next(demand, nowNanos);
    }

    int failuresInARow() {
        return backoff.failuresInARow();
    }

    void pauseStarted() {
        paused = true;
    }

    void pauseEnded() {
        paused = false;
    }

    boolean polling() {
        return pollsInFlight > 0;
    }

    int pollsInFlight() {
        return pollsInFlight;
    }

    long pollsLanded() {
        return pollsLanded;
    }
}
