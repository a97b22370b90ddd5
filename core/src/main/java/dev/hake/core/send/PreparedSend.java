package dev.hake.core.send;

import dev.hake.core.WireDestination;
import dev.hake.core.wire.EncodedMessage;
import dev.hake.core.PayloadPointer;

/**
 * A message ready to go: encoded (its body replaced by an S3 pointer if it is large), size-checked, its destination resolved to a queue URL or topic
 * ARN ({@code target}), and its FIFO group and deduplication id worked out. {@code deliveryTime}:
 * when a delayed message sent to a standard queue may be delivered (0: at once); the SQS delay is
 * counted from it when the request leaves, so that a transaction's message held until commit is
 * not delayed twice. {@code awsTraceHeader}: X-Ray's header, sent as SQS's {@code AWSTraceHeader}
 * system attribute (null: none; never on a topic).
 */
public record PreparedSend(WireDestination destination, String target, EncodedMessage encoded, String groupId,
                           String dedupId, long deliveryTime, Upload upload, String awsTraceHeader) {

    /**
     * A body that goes to S3 before the message (whose body is then the pointer) is sent. Uploaded
     * only when the message leaves, so that a transaction rolled back leaves nothing in S3.
     */
    public record Upload(PayloadPointer where, String body, boolean stored) {
        public Upload(PayloadPointer where, String body) {
            this(where, body, false);
        }

        @Override
        public String toString() {
            return "Upload[" + where + ", " + body.length() + " chars]"; // never the body: it may hold secrets
        }
    }

    public PreparedSend(WireDestination destination, String target, EncodedMessage encoded, String groupId,
                        String dedupId, long deliveryTime) {
        this(destination, target, encoded, groupId, dedupId, deliveryTime, null, null);
    }

    /** SQS's longest per-message delay; a longer delivery delay is finished by the consumer. */
    static final int MAX_DELAY_SECONDS = 900;

    /** This send, its body already in S3 (a transaction's bodies are stored before any of its messages leaves). */
    PreparedSend bodyStored() {
        return upload == null ? this : new PreparedSend(destination, target, encoded, groupId, dedupId, deliveryTime,
                new Upload(upload.where(), upload.body(), true), awsTraceHeader);
    }

    public long sizeBytes() {
        return encoded.sizeBytes();
    }

    /**
     * SQS delays in whole seconds, up to 15 minutes; the consumer hides the message for whatever
     * remains. Rounded up: a message that surfaced a fraction of a second early would have to be
     * hidden again, and a queue's long poll need not wake when it comes back.
     */
    Integer delaySecondsAt(long nowMillis) {
        long delayMillis = deliveryTime - nowMillis;
        if (deliveryTime == 0 || delayMillis <= 0) {
            return null;
        }
        return (int) Math.min(MAX_DELAY_SECONDS, (delayMillis + 999) / 1_000);
    }
}
