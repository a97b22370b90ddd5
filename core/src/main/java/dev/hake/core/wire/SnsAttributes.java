package dev.hake.core.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Converts encoded attributes to the SNS SDK's message attribute values. */
public final class SnsAttributes {

    private SnsAttributes() {
    }

    /** The attributes of {@code message} for Publish / PublishBatch, in the same order. */
    public static Map<String, MessageAttributeValue> from(EncodedMessage message) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        message.attributes().forEach((name, a) -> out.put(name, MessageAttributeValue.builder()
                .dataType(a.dataType())
                .stringValue(a.stringValue())
                .binaryValue(a.binaryValue() == null ? null : SdkBytes.fromByteArray(a.binaryValue()))
                .build()));
        return out;
    }
}
