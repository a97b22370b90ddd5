package dev.hake.testing;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One message on an in-memory queue: what was sent, and what SQS keeps about its receives. Guarded
 * by its queue's lock.
 */
final class StoredMessage {

    /** What a sender gives: the body, attributes, delay, and on FIFO queues the group and deduplication id. */
    record Sent(String body, Map<String, MessageAttributeValue> attributes, Integer delaySeconds, String groupId,
                String deduplicationId) {
    }

    final String messageId;
    final Sent sent;
    final long sentMillis;
    /** Position in the queue's send order; SQS's SequenceNumber on FIFO queues. */
    final long sequence;
    /** Hidden until then: its delay, or the visibility timeout of its last receive. */
    long visibleAtNanos;
    int receiveCount;
    long firstReceiveMillis;

    StoredMessage(String messageId, Sent sent, long sentMillis, long sequence, long visibleAtNanos) {
        this.messageId = messageId;
        this.sent = sent;
        this.sentMillis = sentMillis;
        this.sequence = sequence;
        this.visibleAtNanos = visibleAtNanos;
    }

    boolean isVisible(long nowNanos) {
        return nowNanos - visibleAtNanos >= 0;
    }

    /** Received and hidden by that receive (not merely delayed). */
    boolean isInFlight(long nowNanos) {
        return receiveCount > 0 && !isVisible(nowNanos);
    }
}
