package dev.hake.core.wire;

import dev.hake.core.WireMessage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the body and attributes of a hake message: hake's attribute, native properties, packed block. */
final class WireEncoder {

    private WireEncoder() {
    }

    /** {@code reservedAttributes}: message attributes left free for something other than properties. */
    static EncodedMessage encode(WireMessage message, int reservedAttributes) {
        BodyCodec.EncodedBody body = BodyCodec.encode(message);
        PropertyPlacement placement = PropertyPlacement.of(message.properties(), reservedAttributes);
        HeaderLayout layout = new HeaderLayout(body.code(), placement.slots());

        Map<String, EncodedAttribute> attributes = new LinkedHashMap<>();
        attributes.put(WireAttributes.HEADER, EncodedAttribute.string(HeaderFormat.write(message, layout)));
        attributes.putAll(placement.nativeAttributes());
        if (!placement.packed().isEmpty()) {
            byte[] block = ValueBlocks.encodeProperties(placement.packed());
            attributes.put(WireAttributes.PACKED_PROPERTIES,
                    EncodedAttribute.string(Base64.getEncoder().encodeToString(block)));
        }
        // For consumers that are not hake (a Lambda, an OpenTelemetry-instrumented SQS client), the
        // traceparent as a plain attribute too, where a slot is left: never instead of a property.
        String traceparent = TraceContext.get(message.properties(), TraceContext.TRACEPARENT);
        if (traceparent != null && attributes.size() < WireAttributes.MAX_ATTRIBUTES - reservedAttributes
                && !attributes.containsKey(TraceContext.TRACEPARENT)) {
            attributes.put(TraceContext.TRACEPARENT, EncodedAttribute.string(traceparent));
        }
        return new EncodedMessage(body.body(), attributes);
    }
}
