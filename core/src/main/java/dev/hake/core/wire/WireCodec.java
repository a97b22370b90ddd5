package dev.hake.core.wire;

import dev.hake.core.MessageTooLargeException;
import dev.hake.core.WireDestination;
import dev.hake.core.WireFormatException;
import dev.hake.core.WireMessage;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Converts between core's {@link WireMessage} and what SNS and SQS carry. Stateless and thread-safe.
 * The format is described in docs/wire-format.md; its attribute names are in {@link WireAttributes}.
 */
public final class WireCodec {

    /**
     * The body and attributes that carry {@code message}. The message id is taken as it is (the
     * producer sets it); nothing is invented.
     *
     * @throws WireFormatException if a property or body value has a type JMS does not allow
     */
    public EncodedMessage encode(WireMessage message) {
        return WireEncoder.encode(message);
    }

    /** Fails if {@code encoded} is over the 262,144 bytes SNS and SQS accept; {@code service} names which. */
    public void checkSize(EncodedMessage encoded, String service) {
        checkSize(encoded, WireAttributes.MAX_MESSAGE_BYTES, service);
    }

    /** As {@link #checkSize(EncodedMessage, String)}, for a destination whose limit is {@code limit} bytes. */
    public void checkSize(EncodedMessage encoded, long limit, String service) {
        if (encoded.sizeBytes() > limit) {
            throw new MessageTooLargeException(encoded.sizeBytes(), limit, service);
        }
    }

    /**
     * The message SQS delivered, read back. A message with a hake attribute comes back as it was
     * sent; one without is a foreign message: a TEXT message with the body as its text, id
     * "ID:" + the SQS message id, SentTimestamp as its timestamp, and its String and Number attributes
     * as properties. Either way the delivery count is SQS's ApproximateReceiveCount (1 if absent).
     *
     * @param consumedFrom the destination of a foreign message, or of a hake message that names none
     * @throws WireFormatException if hake's attributes cannot be read; nothing is guessed
     */
    public WireMessage decode(Message received, WireDestination consumedFrom) {
        return WireDecoder.decode(received, consumedFrom);
    }

    /** The attributes for SendMessage or SendMessageBatch. */
    public Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> toSqsAttributes(
            EncodedMessage encoded) {
        return SqsAttributes.from(encoded);
    }

    /** The attributes for Publish or PublishBatch. */
    public Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> toSnsAttributes(
            EncodedMessage encoded) {
        return SnsAttributes.from(encoded);
    }
}
