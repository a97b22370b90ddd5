package dev.hake.core.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message ready for SendMessage or Publish: its body, its message attributes in a stable order,
 * and its size as AWS counts it (UTF-8 body, plus name, data type and value of every attribute).
 */
public final class EncodedMessage {

    private final String body;
    private final Map<String, EncodedAttribute> attributes;
    private final long sizeBytes;

    public EncodedMessage(String body, Map<String, EncodedAttribute> attributes) {
        this.body = Objects.requireNonNull(body, "body");
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        long size = SqsText.utf8Length(body);
        for (Map.Entry<String, EncodedAttribute> e : this.attributes.entrySet()) {
            size += SqsText.utf8Length(e.getKey()) + e.getValue().sizeBytes();
        }
        this.sizeBytes = size;
    }

    public String body() {
        return body;
    }

    /** Attribute name to value, hake's own first; unmodifiable. */
    public Map<String, EncodedAttribute> attributes() {
        return attributes;
    }

    /** The size SNS and SQS hold against their message size limit. */
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String toString() {
        // Never the body or attribute values: they may hold secrets.
        return "EncodedMessage[" + sizeBytes + " bytes, attributes=" + attributes.keySet() + "]";
    }
}
