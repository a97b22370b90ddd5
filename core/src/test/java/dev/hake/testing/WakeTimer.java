package dev.hake.testing;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer of a queue that wakes its waiting long polls when the next hidden message comes
 * back (a delay or a visibility timeout running out): a long poll ends as soon as there is a
 * message for it, as on SQS. Guarded by its queue's lock, which {@code wakeUp} takes.
 */
final class WakeTimer {

    private final ScheduledExecutorService timer;
    private final Runnable wakeUp;
    private ScheduledFuture<?> wake;
    private long wakeAtNanos;

    WakeTimer(ScheduledExecutorService timer, Runnable wakeUp) {
        this.timer = timer;
        this.wakeUp = wakeUp;
    }

    /** Wakes at {@code atNanos} (System.nanoTime), unless a wake is due earlier; null: no wake needed. */
    void wakeAt(Long atNanos) {
        if (atNanos == null) {
            cancel();
            return;
        }
        if (wake != null && wakeAtNanos - atNanos <= 0) {
            return;
        }
        cancel();
        try {
            wakeAtNanos = atNanos;
            wake = timer.schedule(wakeUp, atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            wake = null;
        }
    }

    void cancel() {
        if (wake != null) {
            wake.cancel(false);
            wake = null;
        }
    }

    /** The wake ran ({@code wakeUp} calls this under the queue's lock): the next one may be scheduled. */
    void fired() {
        wake = null;
    }
}
