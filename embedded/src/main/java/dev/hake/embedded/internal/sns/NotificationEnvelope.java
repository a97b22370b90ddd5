package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON document SNS puts in an SQS message when raw delivery is off. It is not signed: there
 * is no Signature or SigningCertURL, and SignatureVersion is there only for parsers that expect it.
 */
final class NotificationEnvelope {

    /** AWS always writes milliseconds, also when they are zero. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final URI endpoint;

    NotificationEnvelope(URI endpoint) {
        this.endpoint = endpoint;
    }

    String toJson(Notification notification, Subscription subscription) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", notification.messageId());
        if (notification.sequenceNumber() != null) {
            envelope.put("SequenceNumber", notification.sequenceNumber());
        }
        envelope.put("TopicArn", notification.topicArn());
        if (notification.subject() != null) {
            envelope.put("Subject", notification.subject());
        }
        envelope.put("Message", notification.message());
        envelope.put("Timestamp", TIMESTAMP.format(notification.timestamp()));
        envelope.put("SignatureVersion", "1");
        envelope.put("UnsubscribeURL", endpoint + "/?Action=Unsubscribe&SubscriptionArn="
                + URLEncoder.encode(subscription.arn(), StandardCharsets.UTF_8));
        if (!notification.attributes().isEmpty()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            notification.attributes().forEach((name, attribute) -> {
                Map<String, Object> typeAndValue = new LinkedHashMap<>();
                typeAndValue.put("Type", attribute.dataType());
                typeAndValue.put("Value", attribute.envelopeValue());
                attributes.put(name, typeAndValue);
            });
            envelope.put("MessageAttributes", attributes);
        }
        return Json.write(envelope);
    }
}
