package dev.hake.core.receive;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The messages this JVM holds from SQS (buffered, or delivered and not yet acknowledged), by SQS
 * message id, with the receipt handle of their newest receive.
 *
 * <p>A standard queue delivers at least once: two polls close together may both return the same
 * message (an emulator's unsynchronised receive does it readily). A second copy that arrives while
 * the first is still hidden is not a redelivery, since nobody gave the message back, so it is not
 * delivered again. Its receipt handle is kept instead: SQS asks for the newest one when the
 * message is deleted or released. A copy that arrives after the first one's visibility ran out is a
 * real redelivery and is delivered as usual. Bounded: the oldest entries go first, so a message
 * dropped without being let go costs only memory until it is pushed out.
 */
public final class HeldMessages {

    private static final int MAX_ENTRIES = 100_000;
    private static final HeldMessages SHARED = new HeldMessages(System::nanoTime);

    /** The receipt handle of a message's newest receive, and when SQS hands the message out again. */
    record Held(String receiptHandle, long visibleAgainAtNanos) {
    }

    private final LongSupplier nanoClock;
    private final Map<String, Held> held = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    HeldMessages(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public static HeldMessages shared() {
        return SHARED;
    }

    /**
     * Records a message just received. Returns false if it is a second copy of one still held and
     * hidden: then only its receipt handle is kept, and the copy must not be delivered.
     */
    public synchronized boolean hold(ReceivedMessage m) {
        Held earlier = held.put(m.sqsMessageId(), new Held(m.receiptHandle(), m.visibleAgainAtNanos()));
        return earlier == null || earlier.visibleAgainAtNanos() - nanoClock.getAsLong() <= 0;
    }

    /** The receipt handle to delete or release {@code m} with: that of its newest receive. */
    public String receiptHandle(ReceivedMessage m) {
        return current(m).receiptHandle();
    }

    /** The newest receive of a message still held, without letting it go. */
    synchronized Held current(ReceivedMessage m) {
        Held h = held.get(m.sqsMessageId());
        return h != null ? h : new Held(m.receiptHandle(), m.visibleAgainAtNanos());
    }

    /** A held message's visibility timeout was extended to {@code visibleAgainAtNanos}. */
    public synchronized void extend(String sqsMessageId, long visibleAgainAtNanos) {
        held.computeIfPresent(sqsMessageId, (id, h) -> new Held(h.receiptHandle(), visibleAgainAtNanos));
    }

    /**
     * The message is being deleted or given back: a later copy of it is a new delivery. Returns the
     * receipt handle of its newest receive, for that request.
     */
    public String letGo(ReceivedMessage m) {
        return release(m).receiptHandle();
    }

    /** {@link #letGo}, with when the newest receive's visibility runs out. */
    synchronized Held release(ReceivedMessage m) {
        Held h = held.remove(m.sqsMessageId());
        return h != null ? h : new Held(m.receiptHandle(), m.visibleAgainAtNanos());
    }
}
