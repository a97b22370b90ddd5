package dev.hake.core.receive;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts, per SQS message id, the times this JVM received a message and gave it back without
 * delivering it (prefetched at close or stop). SQS's ApproximateReceiveCount counts those
 * receives too; subtracting them keeps JMSRedelivered false for a message no application has
 * seen. Bounded: the oldest entries go first. Receives released by another process are not
 * known here, so there JMSRedelivered may be true for a message never delivered (the spec
 * allows a provider to set it when it cannot be sure).
 */
public final class ReleaseLedger {

    private static final int MAX_ENTRIES = 100_000;
    private static final ReleaseLedger SHARED = new ReleaseLedger();

    private final Map<String, Integer> releases = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public static ReleaseLedger shared() {
        return SHARED;
    }

    public synchronized void recordUndeliveredRelease(String sqsMessageId) {
        releases.merge(sqsMessageId, 1, Integer::sum);
    }

    /** The delivery count an application should see for SQS's receive count. */
    public synchronized int deliveryCount(String sqsMessageId, int approximateReceiveCount) {
        int released = releases.getOrDefault(sqsMessageId, 0);
        return Math.max(1, approximateReceiveCount - released);
    }

    /** Forget a message once it is deleted. */
    public synchronized void forget(String sqsMessageId) {
        releases.remove(sqsMessageId);
    }
}
