package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import dev.hake.core.WireMessage;

/**
 * A message taken from an SQS queue: what it says, and what it takes to delete or release it.
 * {@code visibleAgainAtNanos} is when SQS will hand it out again unless it is deleted first.
 */
@CoreApi
public record ReceivedMessage(WireMessage message, String queueUrl, String receiptHandle, String sqsMessageId,
                              long visibleAgainAtNanos) {

    /** True once SQS may have handed this message to someone else: delivering it now would duplicate it. */
    public boolean visibilityExpired(long nowNanos, long marginNanos) {
        return nowNanos > visibleAgainAtNanos - marginNanos;
    }
}
