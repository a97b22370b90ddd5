package dev.hake.core.send;

import dev.hake.core.WireDestination;
import dev.hake.core.wire.EncodedMessage;

/**
 * A message ready to go: encoded, size-checked, its destination resolved to a queue URL or topic
 * ARN ({@code target}), and its FIFO group, deduplication id and SQS delay worked out.
 */
public record PreparedSend(WireDestination destination, String target, EncodedMessage encoded, String groupId,
                           String dedupId, Integer delaySeconds) {

    public long sizeBytes() {
        return encoded.sizeBytes();
    }
}
