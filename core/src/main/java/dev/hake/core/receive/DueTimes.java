package dev.hake.core.receive;

import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * When the messages a consumer hid until their delivery time show up again (System.nanoTime),
 * earliest first. An emulator's long poll does not wake for a message that becomes visible again,
 * so the consumer ends its polls before the next due time and polls once just after it. Messages
 * due within {@link #GROUP_NANOS} of each other share that poll. Bounded; not thread-safe (the
 * receive buffer calls it under its lock).
 */
final class DueTimes {

    private static final int MAX_TRACKED = 1_000;
    /** After a due time, how long before polling for it: SQS's clock and ours differ a little. */
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Messages that come due this close together are polled for once: at most four such polls a second. */
    static final long GROUP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PriorityQueue<Long> dueAtNanos = new PriorityQueue<>();

    void addAll(List<Long> due) {
        for (long d : due) {
            if (dueAtNanos.size() < MAX_TRACKED) {
                dueAtNanos.add(d);
            }
        }
    }

    /** Nanoseconds from {@code nowNanos} until the next one is due (and polled for); Long.MAX_VALUE if none. */
    long nanosUntilNext(long nowNanos) {
        while (!dueAtNanos.isEmpty()) {
            long until = dueAtNanos.peek() + MARGIN_NANOS - nowNanos;
            if (until > 0) {
                return until;
            }
            dueAtNanos.poll();
        }
        return Long.MAX_VALUE;
    }

    /**
     * The next one is due in {@code untilNanos}: returns how long to wait before the one poll for it
     * and all that come due with it, and forgets them.
     */
    long groupPollDelayNanos(long nowNanos, long untilNanos) {
        long pollAt = nowNanos + untilNanos + GROUP_NANOS;
        while (!dueAtNanos.isEmpty() && dueAtNanos.peek() + MARGIN_NANOS - pollAt <= 0) {
            dueAtNanos.poll();
        }
        return untilNanos + GROUP_NANOS;
    }
}
