package dev.hake.core.receive;

/**
 * The threads blocked in one consumer's receive(): how many, how many wait without a timeout, and
 * when the first of the others gives up. Polls are sized and timed by them. Not thread-safe (the
 * receive buffer calls it under its lock).
 */
final class ReceiveWaiters {

    private int count;
    private int waitingForever;
    /** Earliest deadline of the threads in a timed receive; NO_DEADLINE when there are none. */
    private long earliestDeadlineNanos = PollPolicy.Demand.NO_DEADLINE;

    /** A thread starts waiting, until {@code deadlineNanos} (System.nanoTime) unless {@code forever}. */
    void enter(boolean forever, long deadlineNanos) {
        count++;
        if (forever) {
            waitingForever++;
        } else if (earliestDeadlineNanos == PollPolicy.Demand.NO_DEADLINE
                // Compare by difference: nanoTime may be negative.
                || deadlineNanos - earliestDeadlineNanos < 0) {
            earliestDeadlineNanos = deadlineNanos;
        }
    }

    /**
     * A thread stops waiting. The earliest deadline is forgotten only when the last one leaves, so
     * a poll may end sooner than the threads still waiting need; it never waits past one of them.
     */
    void leave(boolean forever) {
        count--;
        if (forever) {
            waitingForever--;
        }
        if (count == 0) {
            earliestDeadlineNanos = PollPolicy.Demand.NO_DEADLINE;
        }
    }

    int count() {
        return count;
    }

    int waitingForever() {
        return waitingForever;
    }

    long earliestDeadlineNanos() {
        return earliestDeadlineNanos;
    }
}
