package dev.hake.embedded.internal.sns;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * One notification as one subscription's queue receives it. Raw delivery sends the message with
 * its attributes; otherwise the JSON envelope, without. FIFO queues also get the group and
 * deduplication ids, which SQS requires of every message they take.
 *
 * @param notification    what was published
 * @param body            the SQS message body
 * @param attributes      the SQS message attributes (none unless raw)
 * @param messageGroupId  for a FIFO queue, else null
 * @param deduplicationId for a FIFO queue, else null
 */
record QueueMessage(Notification notification, String body, Map<String, MessageAttributeValue> attributes,
                    String messageGroupId, String deduplicationId) {

    static QueueMessage of(Notification notification, Subscription subscription, NotificationEnvelope envelope) {
        boolean raw = subscription.rawMessageDelivery();
        boolean fifoQueue = subscription.queueName().endsWith(".fifo");
        return new QueueMessage(notification,
                raw ? notification.message() : envelope.toJson(notification, subscription),
                raw ? sqsAttributes(notification) : Map.of(),
                fifoQueue ? notification.messageGroupId() : null,
                fifoQueue ? notification.deduplicationId() : null);
    }

    /** The size SQS limits, per message and per batch: the body plus every attribute's name, type and value. */
    int size() {
        int size = utf8Length(body);
        for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
            MessageAttributeValue value = attribute.getValue();
            size += utf8Length(attribute.getKey()) + utf8Length(value.dataType())
                    + (value.binaryValue() != null ? value.binaryValue().asByteArray().length : utf8Length(value.stringValue()));
        }
        return size;
    }

    SendMessageRequest toSendMessage(String queueUrl) {
        return SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body).messageAttributes(attributes)
                .messageGroupId(messageGroupId).messageDeduplicationId(deduplicationId).build();
    }

    SendMessageBatchRequestEntry toBatchEntry(String id) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).messageAttributes(attributes)
                .messageGroupId(messageGroupId).messageDeduplicationId(deduplicationId).build();
    }

    /** SNS attributes as SQS ones; SQS has no String.Array, so those arrive as String (JSON text). */
    private static Map<String, MessageAttributeValue> sqsAttributes(Notification notification) {
        Map<String, MessageAttributeValue> converted = new LinkedHashMap<>();
        notification.attributes().forEach((name, attribute) -> {
            MessageAttributeValue.Builder value = MessageAttributeValue.builder();
            switch (attribute.baseType()) {
                case MessageAttribute.STRING_ARRAY -> value.dataType("String").stringValue(attribute.stringValue());
                case "Binary" -> value.dataType(attribute.dataType()).binaryValue(SdkBytes.fromByteArray(attribute.binaryValue()));
                default -> value.dataType(attribute.dataType()).stringValue(attribute.stringValue());
            }
            converted.put(name, value.build());
        });
        return converted;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
