package dev.hake.core.receive;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this JVM knows, beyond SQS's ApproximateReceiveCount, about earlier deliveries of a message,
 * so that JMSRedelivered and JMSXDeliveryCount are honest:
 * <ul>
 *   <li>Receives this JVM gave back without delivering them (prefetched at close or stop), per SQS
 *       message id. SQS counts those too; subtracting them keeps JMSRedelivered false for a message
 *       no application has seen. Releases by another process are not known here, so there
 *       JMSRedelivered may be true for a message never delivered (the spec allows a provider to set
 *       it when it cannot be sure).</li>
 *   <li>Copies of one sent message. When the answer to a send is lost, the SDK's retry stores the
 *       message a second time, under a new SQS message id but with the same JMS message id; SQS
 *       counts each copy's receives apart. A copy whose JMS message id already arrived on the same
 *       queue in this JVM is a duplicate, and is marked redelivered.</li>
 * </ul>
 * Bounded: the oldest entries go first.
 */
public final class DeliveryLedger {

    private static final int MAX_ENTRIES = 100_000;
    private static final DeliveryLedger SHARED = new DeliveryLedger();

    private final Map<String, Integer> releases = bounded();
    /** First SQS message id seen for each (queue, JMS message id). */
    private final Map<String, String> arrivals = bounded();

    public static DeliveryLedger shared() {
        return SHARED;
    }

    public synchronized void recordUndeliveredRelease(String sqsMessageId) {
        releases.merge(sqsMessageId, 1, Integer::sum);
    }

    /**
     * The delivery count an application should see for a message that just arrived: SQS's receive
     * count, less this JVM's undelivered releases, and at least 2 for a second copy of a message sent
     * twice. {@code jmsMessageId} may be null (a message with none cannot be recognised).
     */
    public synchronized int deliveryCount(String queueUrl, String jmsMessageId, String sqsMessageId,
                                          int approximateReceiveCount) {
        int released = releases.getOrDefault(sqsMessageId, 0);
        int count = Math.max(1, approximateReceiveCount - released);
        if (jmsMessageId != null) {
            String first = arrivals.putIfAbsent(queueUrl + '\n' + jmsMessageId, sqsMessageId);
            if (first != null && !first.equals(sqsMessageId)) {
                count = Math.max(count, 2);
            }
        }
        return count;
    }

    /** Forget a message's releases once it is deleted (its arrival is kept, to recognise a later copy). */
    public synchronized void forget(String sqsMessageId) {
        releases.remove(sqsMessageId);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
