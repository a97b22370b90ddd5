package dev.hake.core.receive;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Puts the messages of one ReceiveMessage answer in the order they were sent. A standard queue
 * promises no order but mostly keeps it, except that messages accepted in the same millisecond (one
 * SendMessageBatch), or made visible again together (a release, a browse ending), come back in any
 * order among themselves. So an answer is sorted by SentTimestamp (milliseconds, set by SQS) and
 * then by JMS message id: hake numbers the ids of one session in sequence, which restores that
 * session's send order, the order JMS promises. The sort is stable; a message without a
 * SentTimestamp goes last.
 */
final class SentOrder {

    private SentOrder() {
    }

    /** Sorts {@code items} in place; {@code raw} gives each one's SQS message, {@code messageId} its JMS id. */
    static <T> void sort(List<T> items, Function<T, Message> raw, Function<T, String> messageId) {
        if (items.size() < 2) {
            return;
        }
        items.sort(Comparator.<T>comparingLong(item -> sentAt(raw.apply(item)))
                .thenComparing(messageId, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    static long sentAt(Message m) {
        String value = m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        try {
            return value == null ? Long.MAX_VALUE : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
