package dev.hake.embedded.internal.sns;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Puts notifications into one subscribed queue, in publish order, through an SQS client aimed at
 * ElasticMQ: one SendMessageBatch per {@link SendMessageBatches batch}, or a SendMessage for a
 * batch of one. Whatever SQS refuses is dropped with a WARN, as SNS drops it; Publish has already
 * succeeded for the sender.
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
     * @return the notifications that went into the queue
     */
    List<Notification> deliver(List<Notification> notifications, Subscription subscription) {
        String queueUrl = queueUrlBase + subscription.queueName();
        List<QueueMessage> messages = notifications.stream()
                .map(notification -> QueueMessage.of(notification, subscription, envelope)).toList();
        List<Notification> delivered = new ArrayList<>();
        for (List<QueueMessage> batch : SendMessageBatches.split(messages, QueueMessage::size)) {
            try {
                delivered.addAll(send(queueUrl, batch, subscription));
            } catch (QueueDoesNotExistException e) {
                LOG.debug("Skipped a delivery: the queue is gone [subscription={}, queue={}]",
                        subscription.arn(), subscription.queueName());
                return delivered;
            } catch (SqsException e) {
                LOG.warn("SQS refused a delivery, {} message(s) dropped [subscription={}, queue={}]: {}",
                        batch.size(), subscription.arn(), subscription.queueName(), e.getMessage());
            }
        }
        LOG.debug("Delivered {} of {} notification(s) [subscription={}, queue={}]", delivered.size(),
                notifications.size(), subscription.arn(), subscription.queueName());
        return delivered;
    }

    private List<Notification> send(String queueUrl, List<QueueMessage> batch, Subscription subscription) {
        if (batch.size() == 1) {
            sqs.get().sendMessage(batch.get(0).toSendMessage(queueUrl));
            return List.of(batch.get(0).notification());
        }
        // Entry ids only have to be unique within the request: the position in the batch will do.
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(batch.get(i).toBatchEntry(Integer.toString(i)));
        }
        SendMessageBatchResponse response = sqs.get().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        for (BatchResultErrorEntry failed : response.failed()) {
            LOG.warn("SQS refused a delivery, message dropped [subscription={}, queue={}, messageId={}]: {} {}",
                    subscription.arn(), subscription.queueName(),
                    batch.get(Integer.parseInt(failed.id())).notification().messageId(), failed.code(), failed.message());
        }
        Set<String> successful = response.successful().stream().map(SendMessageBatchResultEntry::id)
                .collect(Collectors.toSet());
        List<Notification> delivered = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (successful.contains(Integer.toString(i))) {
                delivered.add(batch.get(i).notification());
            }
        }
        return delivered;
    }
}
