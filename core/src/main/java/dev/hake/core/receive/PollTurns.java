package dev.hake.core.receive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Who may poll one queue next, and when, among the consumers of one connection (or Camel
 * component) that read it.
 *
 * <p>Competing consumers that each keep a long poll waiting split every trickle of messages into
 * many small answers: the first message to arrive wakes one poll, the next wakes another. So while
 * messages trickle in, the consumers take turns: one poll in flight at a time, and the next one only
 * when the {@link PollPacer} expects a batch to be waiting. While polls come back full (a backlog),
 * the pacer lets more of them go at once. An idle queue costs one waiting long poll per connection,
 * however many consumers it has.
 *
 * <p>A consumer that wants to poll and may not is queued, and offered a turn when one comes up; if
 * it no longer wants one (it closed, or its receive returned), the turn goes to the next. This
 * class's monitor is never held while calling a consumer, so consumers may call it under their own
 * locks.
 */
final class PollTurns {

    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final PollPacer pacer = new PollPacer();
    private final Deque<BooleanSupplier> waiting = new ArrayDeque<>();
    private int inFlight;
    private long notBeforeNanos;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAtNanos;
    /** Consumers on the queue; see {@link PollTurnsByQueue}, which changes it under its own lock. */
    volatile int members;

    PollTurns(ScheduledExecutorService scheduler, LongSupplier nanoClock) {
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        this.notBeforeNanos = nanoClock.getAsLong();
    }

    /**
     * Starts a poll for {@code consumer} if one may go now, and returns true; otherwise queues it
     * ({@code consumer} is called, returning whether it polled, when a turn comes up) and returns false.
     */
    synchronized boolean tryStart(BooleanSupplier consumer) {
        if (mayStartNow()) {
            inFlight++;
            waiting.remove(consumer);
            return true;
        }
        if (!waiting.contains(consumer)) {
            waiting.addLast(consumer);
        }
        scheduleWakeUp();
        return false;
    }

    /** A poll started by {@link #tryStart} landed with {@code polled} messages of {@code requested}. */
    void landed(int polled, int requested) {
        synchronized (this) {
            inFlight--;
            if (polled >= 0) {
                long now = nanoClock.getAsLong();
                long pauseMillis = pacer.afterPoll(polled, requested, now);
                notBeforeNanos = now + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
            }
            if (waiting.isEmpty()) {
                return;
            }
        }
        offerTurns();
    }

    /** A consumer that closed: it is no longer offered turns. */
    synchronized void forget(BooleanSupplier consumer) {
        waiting.remove(consumer);
    }

    private boolean mayStartNow() {
        return inFlight < pollsAllowedInFlight() && nanoClock.getAsLong() - notBeforeNanos >= 0;
    }

    /**
     * The pacer's allowance, and no more than one poll per consumer, or two for a lone consumer. A
     * listener in a backlog may have two polls out (see {@code PollPolicy}), but each poll still out
     * when the backlog runs dry comes back empty: a request for nothing. A lone consumer gains a
     * batch per round trip from its second poll; competing consumers already have one poll each.
     */
    private int pollsAllowedInFlight() {
        return Math.min(pacer.pollsAllowedInFlight(), Math.max(2, members));
    }

    private void scheduleWakeUp() {
        // A poll in flight wakes the queue when it lands; only a pause needs a timer.
        if (inFlight >= pollsAllowedInFlight()) {
            return;
        }
        if (wakeUp != null) {
            if (wakeUpAtNanos - notBeforeNanos <= 0) {
                return;
            }
            wakeUp.cancel(false);
        }
        long delay = Math.max(0, notBeforeNanos - nanoClock.getAsLong());
        wakeUpAtNanos = notBeforeNanos;
        wakeUp = scheduler.schedule(this::wokenUp, delay, TimeUnit.NANOSECONDS);
    }

    private void wokenUp() {
        synchronized (this) {
            wakeUp = null;
        }
        offerTurns();
    }

    /** Offers turns to the queued consumers, in order, while turns are open. */
    private void offerTurns() {
        // Bounded: each round takes one consumer off the queue.
        while (true) {
            BooleanSupplier next;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    return;
                }
                if (!mayStartNow()) {
                    scheduleWakeUp();
                    return;
                }
                next = waiting.pollFirst();
            }
            next.getAsBoolean();
        }
    }
}
