package dev.hake.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** A stored message as ReceiveMessage answers it: only the system and message attributes asked for. */
final class ReceivedForm {

    private static final String ALL = "All";

    private ReceivedForm() {
    }

    static Message of(StoredMessage m, String receiptHandle, String account, InMemoryQueue.Poll poll) {
        Map<String, String> system = new LinkedHashMap<>();
        Set<String> asked = poll.systemAttributes();
        putIfAsked(system, asked, "SenderId", account);
        putIfAsked(system, asked, "SentTimestamp", Long.toString(m.sentMillis));
        putIfAsked(system, asked, "ApproximateReceiveCount", Integer.toString(m.receiveCount));
        putIfAsked(system, asked, "ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceiveMillis));
        if (m.sent.groupId() != null) {
            putIfAsked(system, asked, "MessageGroupId", m.sent.groupId());
            putIfAsked(system, asked, "SequenceNumber", String.format("%020d", m.sequence));
            if (m.sent.deduplicationId() != null) {
                putIfAsked(system, asked, "MessageDeduplicationId", m.sent.deduplicationId());
            }
        }
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        m.sent.attributes().forEach((name, value) -> {
            if (isAsked(name, poll)) {
                attributes.put(name, value);
            }
        });
        return Message.builder().messageId(m.messageId).receiptHandle(receiptHandle).body(m.sent.body())
                .attributesWithStrings(system).messageAttributes(attributes).build();
    }

    private static void putIfAsked(Map<String, String> system, Set<String> asked, String name, String value) {
        if (asked.contains(ALL) || asked.contains(name)) {
            system.put(name, value);
        }
    }

    /** "All" and ".*" ask for every attribute, "prefix.*" for those that start with the prefix. */
    private static boolean isAsked(String name, InMemoryQueue.Poll poll) {
        for (String pattern : poll.messageAttributes()) {
            if (pattern.equals(ALL) || pattern.equals(".*") || pattern.equals(name)
                    || (pattern.endsWith(".*") && name.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
