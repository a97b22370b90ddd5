package dev.hake.core.send;

import dev.hake.core.ResourceNames;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.AwsErrors;
import dev.hake.core.aws.Topology;
import dev.hake.core.wire.EncodedMessage;
import dev.hake.core.wire.WireCodec;
import java.util.concurrent.CompletableFuture;

/**
 * Sends wire messages: SendMessage to a queue, Publish to a topic. The message is encoded and its
 * size checked before any request, so a message that cannot be sent fails with nothing sent.
 */
public final class Sender {

    /** SQS's longest per-message delay; a longer delivery delay is finished by the consumer. */
    static final int MAX_DELAY_SECONDS = 900;
    static final String GROUP_ID_PROPERTY = "JMSXGroupID";

    private final AwsClients aws;
    private final Topology topology;
    private final ResourceNames names;
    private final WireCodec codec;

    public Sender(AwsClients aws, Topology topology, ResourceNames names, WireCodec codec) {
        this.aws = aws;
        this.topology = topology;
        this.names = names;
        this.codec = codec;
    }

    /**
     * Sends to {@code message.destination()}. {@code producerId} is the message group on FIFO
     * destinations when the message has no JMSXGroupID, which keeps each producer's order.
     * Encoding, size and destination errors are thrown at once; AWS errors fail the future.
     */
    public CompletableFuture<Void> send(WireMessage message, String producerId) {
        WireDestination to = message.destination();
        EncodedMessage encoded = codec.encode(message);
        String groupId = to.isFifo() ? groupId(message, producerId) : null;
        String dedupId = to.isFifo() ? message.messageId() : null;
        if (to.isTopic()) {
            codec.checkSize(encoded, "SNS");
            String topicArn = topology.topicArn(names.topic(to.name()));
            return aws.sns().publish(r -> r.topicArn(topicArn).message(encoded.body())
                            .messageAttributes(codec.toSnsAttributes(encoded))
                            .messageGroupId(groupId).messageDeduplicationId(dedupId))
                    .handle((ok, failure) -> done(failure, "SNS Publish [topic=" + to.name() + "]"));
        }
        codec.checkSize(encoded, "SQS");
        String queueUrl = topology.queueUrl(names.queue(to.name()));
        Integer delaySeconds = to.isFifo() ? null : delaySeconds(message);
        return aws.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(encoded.body())
                        .messageAttributes(codec.toSqsAttributes(encoded))
                        .delaySeconds(delaySeconds)
                        .messageGroupId(groupId).messageDeduplicationId(dedupId))
                .handle((ok, failure) -> done(failure, "SQS SendMessage [queue=" + to.name() + "]"));
    }

    private static Void done(Throwable failure, String what) {
        if (failure != null) {
            throw AwsErrors.translate(failure, what);
        }
        return null;
    }

    private static String groupId(WireMessage message, String producerId) {
        Object group = message.properties().get(GROUP_ID_PROPERTY);
        return group instanceof String s && !s.isEmpty() ? s : producerId;
    }

    /** SQS delays up to 15 minutes; the consumer hides the message for whatever remains. */
    private static Integer delaySeconds(WireMessage message) {
        long delayMillis = message.deliveryTime() - System.currentTimeMillis();
        if (message.deliveryTime() <= message.timestamp() || delayMillis < 1_000) {
            return null;
        }
        return (int) Math.min(MAX_DELAY_SECONDS, delayMillis / 1_000);
    }
}
