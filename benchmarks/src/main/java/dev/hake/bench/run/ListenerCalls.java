package dev.hake.bench.run;

import dev.hake.bench.Samples;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A listener that does nothing but note when each call starts, for the first {@code expected}
 * calls. The gap from one call's start to the next is what delivering and acknowledging one
 * message costs, as the listener sees it.
 */
final class ListenerCalls implements MessageListener {

    private final long[] starts;
    private final CountDownLatch remaining;
    /** Only the session's one delivery thread calls onMessage; the latch publishes what it wrote. */
    private int calls;

    ListenerCalls(int expected) {
        this.starts = new long[expected];
        this.remaining = new CountDownLatch(expected);
    }

    @Override
    public void onMessage(Message message) {
        long now = System.nanoTime();
        if (calls < starts.length) {
            starts[calls++] = now;
            remaining.countDown();
        }
    }

    /** Waits until the listener has had every expected call; false if {@code cap} ran out first. */
    boolean awaitAll(Duration cap) throws InterruptedException {
        return remaining.await(cap.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How many expected calls have come (the rest of a backlog may still be on its way). */
    long calls() {
        return starts.length - remaining.getCount();
    }

    /** When the last expected call started; only after {@link #awaitAll} returned true. */
    long lastStartNanos() {
        return starts[starts.length - 1];
    }

    /** The gaps between consecutive calls' starts; only after {@link #awaitAll} returned true. */
    Samples gaps() {
        Samples gaps = new Samples();
        for (int i = 1; i < starts.length; i++) {
            gaps.add(starts[i] - starts[i - 1]);
        }
        return gaps;
    }
}
