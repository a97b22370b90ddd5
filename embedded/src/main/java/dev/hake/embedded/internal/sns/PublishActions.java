package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.Xml;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Publish and PublishBatch. As in SNS, the call answers once the message is accepted, and delivery
 * to the subscribed queues follows (see {@link FanOut}), in publish order for each subscription.
 * A batch is accepted entry by entry first and then handed on as a whole, so that each queue gets
 * its share in a few SendMessageBatch requests rather than one request per entry.
 */
final class PublishActions {

    static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final TopicRegistry registry;
    private final NotificationFactory notifications;
    private final FanOut fanOut;
    private final Map<String, Object> fifoLocks = new ConcurrentHashMap<>();

    PublishActions(TopicRegistry registry, NotificationFactory notifications, FanOut fanOut) {
        this.registry = registry;
        this.notifications = notifications;
        this.fanOut = fanOut;
    }

    void publish(FormParameters request, Xml result) {
        Topic topic = registry.topic(topicArn(request));
        PublishInput input = PublishInput.read(request);
        Notification notification = inTurn(topic, () -> {
            Notification accepted = notifications.accept(topic, input);
            fanOut.deliver(topic.arn(), List.of(accepted));
            return accepted;
        });
        result.element("MessageId", notification.messageId())
                .element("SequenceNumber", notification.sequenceNumber());
    }

    void publishBatch(FormParameters request, Xml result) {
        Topic topic = registry.topic(Parameters.required(request, "TopicArn"));
        List<FormParameters> entries = request.groups("PublishBatchRequestEntries.member");
        checkBatch(entries);
        Map<String, SnsError> refused = new LinkedHashMap<>();
        Map<String, Notification> accepted = inTurn(topic, () -> acceptAndDeliver(topic, entries, refused));
        result.open("Successful");
        accepted.forEach((id, notification) -> result.open("member").element("Id", id)
                .element("MessageId", notification.messageId())
                .element("SequenceNumber", notification.sequenceNumber()).close("member"));
        result.close("Successful").open("Failed");
        refused.forEach((id, e) -> result.open("member").element("Id", id).element("Code", e.code())
                .element("Message", e.getMessage()).element("SenderFault", Boolean.toString(e.senderFault()))
                .close("member"));
        result.close("Failed");
    }

    /**
     * Accepts each entry on its own (one that fails the checks becomes a Failed entry, and the
     * others still go), then delivers the accepted ones together.
     *
     * @return the accepted entries by id, in entry order (ids are distinct: checkBatch made sure)
     */
    private Map<String, Notification> acceptAndDeliver(Topic topic, List<FormParameters> entries,
                                                       Map<String, SnsError> refused) {
        Map<String, Notification> accepted = new LinkedHashMap<>();
        for (FormParameters entry : entries) {
            String id = entry.get("Id").orElse("");
            try {
                accepted.put(id, notifications.accept(topic, PublishInput.read(entry)));
            } catch (SnsError e) {
                refused.put(id, e);
            }
        }
        fanOut.deliver(topic.arn(), List.copyOf(accepted.values()));
        return accepted;
    }

    /**
     * On a FIFO topic, queues must receive messages in sequence-number order, so a topic's
     * publishes take turns from numbering to queueing for delivery. Other topics need no turns.
     */
    private <T> T inTurn(Topic topic, Supplier<T> acceptAndDeliver) {
        if (!topic.fifo()) {
            return acceptAndDeliver.get();
        }
        synchronized (fifoLocks.computeIfAbsent(topic.arn(), arn -> new Object())) {
            return acceptAndDeliver.get();
        }
    }

    /** Checks that apply to the batch as a whole; failing one fails the whole call, as in AWS. */
    private static void checkBatch(List<FormParameters> entries) {
        if (entries.isEmpty()) {
            throw SnsError.emptyBatch();
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsError.tooManyEntries(MAX_BATCH_ENTRIES);
        }
        Set<String> ids = new HashSet<>();
        int totalSize = 0;
        for (FormParameters entry : entries) {
            String id = entry.get("Id").orElse("");
            if (!BATCH_ENTRY_ID.matcher(id).matches()) {
                throw SnsError.invalidBatchEntryId(id);
            }
            if (!ids.add(id)) {
                throw SnsError.batchIdsNotDistinct(id);
            }
            try {
                totalSize += PublishInput.read(entry).size();
            } catch (SnsError invalidEntry) {
                // That entry fails on its own below; the others still go.
            }
        }
        if (totalSize > NotificationFactory.MAX_MESSAGE_BYTES) {
            throw SnsError.batchTooLong(totalSize, NotificationFactory.MAX_MESSAGE_BYTES);
        }
    }

    /** Publish names its topic by TopicArn or TargetArn; SMS (PhoneNumber) is not offered here. */
    private static String topicArn(FormParameters request) {
        return request.get("TopicArn").or(() -> request.get("TargetArn"))
                .filter(arn -> !arn.isEmpty())
                .orElseThrow(() -> request.get("PhoneNumber").isPresent()
                        ? SnsError.invalidParameter("PhoneNumber Reason: SMS is not supported by the embedded SNS")
                        : SnsError.invalidParameter("TopicArn or TargetArn Reason: no value for required parameter"));
    }
}
