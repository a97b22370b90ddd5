package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one Publish (or one PublishBatch entry) asks to send, read from its Query parameters.
 *
 * @param message          Message
 * @param subject          Subject, or null
 * @param messageStructure MessageStructure ("json"), or null
 * @param attributes       message attributes by name, validated
 * @param messageGroupId   MessageGroupId, or null
 * @param deduplicationId  MessageDeduplicationId, or null
 */
record PublishInput(String message, String subject, String messageStructure, Map<String, MessageAttribute> attributes,
                    String messageGroupId, String deduplicationId) {

    PublishInput {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Reads the parameters of a Publish, or of one {@code PublishBatchRequestEntries.member.N}. */
    static PublishInput read(FormParameters request) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (FormParameters entry : request.groups("MessageAttributes.entry")) {
            String name = entry.get("Name").orElse("");
            attributes.put(name, MessageAttribute.of(name, entry.get("Value.DataType").orElse(null),
                    entry.get("Value.StringValue").orElse(null), entry.get("Value.BinaryValue").orElse(null)));
        }
        return new PublishInput(request.get("Message").orElse(""), request.get("Subject").orElse(null),
                request.get("MessageStructure").orElse(null), attributes,
                request.get("MessageGroupId").orElse(null), request.get("MessageDeduplicationId").orElse(null));
    }

    /** The size SNS limits: the message body plus every attribute's name, type and value, in bytes. */
    int size() {
        int size = message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> attribute : attributes.entrySet()) {
            size += attribute.getValue().size(attribute.getKey());
        }
        return size;
    }
}
