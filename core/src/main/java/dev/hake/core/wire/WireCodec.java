package dev.hake.core.wire;

import dev.hake.core.MessageTooLargeException;
import dev.hake.core.PayloadPointer;
import dev.hake.core.WireDestination;
import dev.hake.core.WireFormatException;
import dev.hake.core.WireMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        return WireEncoder.encode(message, 0);
    }

    /**
     * {@code message} encoded to travel with its body in S3: as {@link #encode}, but with a message
     * attribute left free for the pointer's {@link WireAttributes#EXTENDED_PAYLOAD_SIZE}. See
     * {@link #pointingTo}.
     */
    public EncodedMessage encodeForS3(WireMessage message) {
        return WireEncoder.encode(message, 1);
    }

    /**
     * The message that goes instead of {@code encoded} when its body is stored at {@code pointer}:
     * the pointer as its body, its attributes unchanged, and the body's size in bytes in
     * {@link WireAttributes#EXTENDED_PAYLOAD_SIZE}, as Amazon's extended clients write it.
     */
    public EncodedMessage pointingTo(EncodedMessage encoded, PayloadPointer pointer) {
        Map<String, EncodedAttribute> attributes = new LinkedHashMap<>(encoded.attributes());
        attributes.put(WireAttributes.EXTENDED_PAYLOAD_SIZE,
                EncodedAttribute.number(Long.toString(SqsText.utf8Length(encoded.body()))));
        return new EncodedMessage(pointer.toBody(), attributes);
    }

    /** Fails if {@code encoded} is over {@code limit} bytes, the limit of {@code service} (SNS or SQS). */
    public void checkSize(EncodedMessage encoded, long limit, String service) {
        if (encoded.sizeBytes() > limit) {
            throw new MessageTooLargeException(encoded.sizeBytes(), limit, service,
                    "set largeMessageBucket to send such bodies through S3");
        }
    }

    /**
     * The S3 pointer {@code received} carries instead of its body, if it is one: a body in the
     * pointer format and an {@link WireAttributes#EXTENDED_PAYLOAD_SIZE} (or legacy) attribute.
     */
    public Optional<PayloadPointer> storedBodyOf(Message received) {
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> attributes =
                received.messageAttributes();
        if (!attributes.containsKey(WireAttributes.EXTENDED_PAYLOAD_SIZE)
                && !attributes.containsKey(WireAttributes.LEGACY_PAYLOAD_SIZE)) {
            return Optional.empty();
        }
        return PayloadPointer.parse(received.body());
    }

    /**
     * {@code received} with the body fetched from {@code pointer} in its place; {@link #decode} reads
     * it as the message that was sent and remembers where its body was ({@link WireMessage#storedBody()}).
     */
    public Message withFetchedBody(Message received, PayloadPointer pointer, String body) {
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> attributes =
                new LinkedHashMap<>(received.messageAttributes());
        attributes.put(WireAttributes.FETCHED_FROM, software.amazon.awssdk.services.sqs.model.MessageAttributeValue
                .builder().dataType(EncodedAttribute.STRING).stringValue(pointer.toBody()).build());
        return received.toBuilder().body(body).messageAttributes(attributes).build();
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
