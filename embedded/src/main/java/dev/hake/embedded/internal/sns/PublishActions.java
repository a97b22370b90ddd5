package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.filter.FilterAttribute;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publish and PublishBatch. Delivery is synchronous: when the call returns, the message is in
 * every subscribed queue whose filter policy it passes, which is what lets tests receive right
 * after publishing.
 */
final class PublishActions {

    private static final Logger LOG = LoggerFactory.getLogger(PublishActions.class);

    static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final TopicRegistry registry;
    private final NotificationFactory notifications;
    private final SqsDelivery delivery;
    private final Map<String, Object> fifoLocks = new ConcurrentHashMap<>();

    PublishActions(TopicRegistry registry, NotificationFactory notifications, SqsDelivery delivery) {
        this.registry = registry;
        this.notifications = notifications;
        this.delivery = delivery;
    }

    void publish(FormParameters request, Xml result) {
        Topic topic = registry.topic(topicArn(request));
        Notification notification = publishOne(topic, PublishInput.read(request));
        result.element("MessageId", notification.messageId())
                .element("SequenceNumber", notification.sequenceNumber());
    }

    void publishBatch(FormParameters request, Xml result) {
        Topic topic = registry.topic(Parameters.required(request, "TopicArn"));
        List<FormParameters> entries = request.groups("PublishBatchRequestEntries.member");
        checkBatch(entries);
        result.open("Successful");
        Xml failures = new Xml();
        for (FormParameters entry : entries) {
            String id = entry.get("Id").orElse("");
            try {
                Notification notification = publishOne(topic, PublishInput.read(entry));
                result.open("member").element("Id", id).element("MessageId", notification.messageId())
                        .element("SequenceNumber", notification.sequenceNumber()).close("member");
            } catch (SnsError e) {
                failures.open("member").element("Id", id).element("Code", e.code()).element("Message", e.getMessage())
                        .element("SenderFault", Boolean.toString(e.senderFault())).close("member");
            }
        }
        result.close("Successful").open("Failed").raw(failures).close("Failed");
    }

    private Notification publishOne(Topic topic, PublishInput input) {
        if (!topic.fifo()) {
            Notification notification = notifications.accept(topic, input);
            fanOut(notification);
            return notification;
        }
        // On a FIFO topic, queues must receive messages in sequence-number order, so a topic's
        // publishes take turns from numbering to delivery.
        synchronized (fifoLocks.computeIfAbsent(topic.arn(), arn -> new Object())) {
            Notification notification = notifications.accept(topic, input);
            fanOut(notification);
            return notification;
        }
    }

    private void fanOut(Notification notification) {
        Map<String, FilterAttribute> filterAttributes = notification.filterAttributes();
        int delivered = 0;
        List<Subscription> subscriptions = registry.subscriptionsOf(notification.topicArn());
        for (Subscription subscription : subscriptions) {
            if (subscription.accepts(filterAttributes) && delivery.deliver(notification, subscription)) {
                delivered++;
            }
        }
        LOG.debug("Published [topic={}, messageId={}] to {} of {} subscriptions",
                notification.topicArn(), notification.messageId(), delivered, subscriptions.size());
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
