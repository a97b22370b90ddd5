package dev.hake.embedded.internal.sqs;

import dev.hake.embedded.internal.FormParameters;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The size SQS limits: the body plus every message attribute's name, data type and value, in bytes
 * (UTF-8 for text, the decoded bytes for Binary). SQS takes up to {@link #MAX_BYTES} for one message,
 * and as much for all the messages of one SendMessageBatch together.
 */
public final class SqsMessageSize {

    /** 1 MiB: SQS's limit since 2025-08-04 (it was 256 KiB before). */
    public static final int MAX_BYTES = 1_048_576;

    private SqsMessageSize() {
    }

    /** The size of one message of the JSON protocol: a SendMessage request or a SendMessageBatch entry. */
    static long ofJson(Map<?, ?> message) {
        long size = utf8Length(message.get("MessageBody"));
        if (message.get("MessageAttributes") instanceof Map<?, ?> attributes) {
            for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
                size += utf8Length(attribute.getKey());
                if (attribute.getValue() instanceof Map<?, ?> value) {
                    size += utf8Length(value.get("DataType")) + utf8Length(value.get("StringValue"))
                            + base64Length(value.get("BinaryValue"));
                }
            }
        }
        return size;
    }

    /** The size of one message of the Query protocol: a SendMessage request or one batch entry's group. */
    static long ofQuery(FormParameters message) {
        long size = utf8Length(message.get("MessageBody").orElse(null));
        for (FormParameters attribute : message.groups("MessageAttribute")) {
            size += utf8Length(attribute.get("Name").orElse(null))
                    + utf8Length(attribute.get("Value.DataType").orElse(null))
                    + utf8Length(attribute.get("Value.StringValue").orElse(null))
                    + base64Length(attribute.get("Value.BinaryValue").orElse(null));
        }
        return size;
    }

    private static long utf8Length(Object text) {
        return text instanceof String string ? string.getBytes(StandardCharsets.UTF_8).length : 0;
    }

    /** Binary values count as the bytes they encode; text that is not Base64 is left for ElasticMQ to refuse. */
    private static long base64Length(Object text) {
        if (!(text instanceof String base64)) {
            return 0;
        }
        try {
            return Base64.getMimeDecoder().decode(base64).length;
        } catch (IllegalArgumentException notBase64) {
            return base64.length();
        }
    }
}
