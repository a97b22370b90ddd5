package dev.hake.embedded.internal.sns;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Puts one notification into one subscribed queue, through an SQS client aimed at ElasticMQ.
 * Raw delivery sends the message with its attributes; otherwise the JSON envelope, without.
 */
final class SqsDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SqsDelivery.class);

    private final Supplier<SqsClient> sqs;
    private final String queueUrlBase;
    private final NotificationEnvelope envelope;

    /**
     * @param sqs       client for ElasticMQ
     * @param endpoint  the front's address: queue URLs are built on it (ElasticMQ reads only their path)
     * @param accountId account in queue URLs
     */
    SqsDelivery(Supplier<SqsClient> sqs, URI endpoint, String accountId) {
        this.sqs = sqs;
        this.queueUrlBase = endpoint + "/" + accountId + "/";
        this.envelope = new NotificationEnvelope(endpoint);
    }

    /**
     * Delivers, or skips the subscription if its queue no longer exists (AWS drops such messages too).
     *
     * @return whether the message went into the queue
     */
    boolean deliver(Notification notification, Subscription subscription) {
        SendMessageRequest.Builder send = SendMessageRequest.builder()
                .queueUrl(queueUrlBase + subscription.queueName());
        if (subscription.rawMessageDelivery()) {
            send.messageBody(notification.message()).messageAttributes(sqsAttributes(notification));
        } else {
            send.messageBody(envelope.toJson(notification, subscription));
        }
        if (subscription.queueName().endsWith(".fifo")) {
            send.messageGroupId(notification.messageGroupId()).messageDeduplicationId(notification.deduplicationId());
        }
        try {
            sqs.get().sendMessage(send.build());
            return true;
        } catch (QueueDoesNotExistException e) {
            LOG.debug("Skipped a delivery: the queue is gone [subscription={}, queue={}]",
                    subscription.arn(), subscription.queueName());
            return false;
        } catch (SqsException e) {
            // SNS gives up on a delivery SQS refuses, and Publish has already succeeded for the sender.
            LOG.warn("SQS refused a delivery, message dropped [subscription={}, queue={}]: {}",
                    subscription.arn(), subscription.queueName(), e.getMessage());
            return false;
        }
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
}
