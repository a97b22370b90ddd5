package dev.hake.core.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Converts encoded attributes to and from the SQS SDK's message attribute values. */
public final class SqsAttributes {

    private SqsAttributes() {
    }

    /** The attributes of {@code message} for SendMessage / SendMessageBatch, in the same order. */
    public static Map<String, MessageAttributeValue> from(EncodedMessage message) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        message.attributes().forEach((name, a) -> out.put(name, MessageAttributeValue.builder()
                .dataType(a.dataType())
                .stringValue(a.stringValue())
                .binaryValue(a.binaryValue() == null ? null : SdkBytes.fromByteArray(a.binaryValue()))
                .build()));
        return out;
    }

    /** Attributes as ReceiveMessage returns them. A value with neither a string nor a binary is skipped. */
    public static Map<String, EncodedAttribute> toEncoded(Map<String, MessageAttributeValue> received) {
        Map<String, EncodedAttribute> out = new LinkedHashMap<>();
        received.forEach((name, v) -> {
            if (v.dataType() == null) {
                return;
            }
            if (v.stringValue() != null) {
                out.put(name, new EncodedAttribute(v.dataType(), v.stringValue(), null));
            } else if (v.binaryValue() != null) {
                out.put(name, new EncodedAttribute(v.dataType(), null, v.binaryValue().asByteArray()));
            }
        });
        return out;
    }
}
