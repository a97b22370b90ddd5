package dev.hake.core.receive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Puts the messages of one ReceiveMessage answer in the order SQS accepted them (its SentTimestamp,
 * in milliseconds). A standard queue promises no order, but it mostly keeps it, except that
 * messages made visible again together (a release, a browse ending) come back in any order among
 * themselves. Sorting each answer restores the send order that a millisecond clock can tell.
 * The sort is stable, and a message without the attribute keeps its place relative to its neighbours.
 */
final class SentOrder {

    private static final Comparator<Message> BY_SENT_TIMESTAMP = Comparator.comparingLong(SentOrder::sentAt);

    private SentOrder() {
    }

    static List<Message> sorted(List<Message> messages) {
        if (messages.size() < 2) {
            return messages;
        }
        List<Message> copy = new ArrayList<>(messages);
        copy.sort(BY_SENT_TIMESTAMP);
        return copy;
    }

    private static long sentAt(Message m) {
        String value = m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        try {
            return value == null ? Long.MAX_VALUE : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
