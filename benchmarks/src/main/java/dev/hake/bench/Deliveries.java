package dev.hake.bench;

import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;

/**
 * What consumers received, per subscription: distinct messages, duplicates, end-to-end latency
 * (send to receipt) of each first delivery, and when the last distinct one arrived.
 */
public final class Deliveries {

    private final BitSet[] seen;
    private final int expected;
    private final Samples endToEnd = new Samples();
    private int distinct;
    private int duplicates;
    private long lastDistinctNanos;

    /** @param messages sequence numbers 0..messages-1 are expected on each subscription */
    public Deliveries(int subscriptions, int messages) {
        this.seen = new BitSet[subscriptions];
        for (int i = 0; i < subscriptions; i++) {
            seen[i] = new BitSet(messages);
        }
        this.expected = subscriptions * messages;
    }

    /** Records a received body on subscription {@code subscription}. */
    public void record(int subscription, String body) {
        long now = System.nanoTime();
        int seq = Payload.seq(body);
        synchronized (this) {
            if (seen[subscription].get(seq)) {
                duplicates++;
                return;
            }
            seen[subscription].set(seq);
            distinct++;
            lastDistinctNanos = now;
            endToEnd.add(now - Payload.sentNanos(body));
            notifyAll();
        }
    }

    /** Waits until every expected message arrived on every subscription; false if {@code cap} ran out. */
    public boolean awaitAll(Duration cap) throws InterruptedException {
        return awaitDistinct(expected, cap);
    }

    /** Waits until {@code count} distinct messages arrived in all; false if {@code cap} ran out. */
    public synchronized boolean awaitDistinct(int count, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        while (distinct < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public synchronized int distinct() {
        return distinct;
    }

    public synchronized int duplicates() {
        return duplicates;
    }

    public synchronized long lastDistinctNanos() {
        return lastDistinctNanos;
    }

    public Samples endToEnd() {
        return endToEnd;
    }
}
