package dev.hake.core.wire;

import dev.hake.core.BodyKind;
import dev.hake.core.PayloadPointer;
import dev.hake.core.WireDestination;
import dev.hake.core.WireFormatException;
import dev.hake.core.WireMessage;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Turns a message received from SQS back into a WireMessage: hake's own, or a foreign plain one. */
final class WireDecoder {

    private WireDecoder() {
    }

    static WireMessage decode(Message received, WireDestination consumedFrom) {
        Map<String, EncodedAttribute> attributes = SqsAttributes.toEncoded(received.messageAttributes());
        // The marks of a body kept in S3 are the wire's business, never properties.
        EncodedAttribute fetchedFrom = attributes.remove(WireAttributes.FETCHED_FROM);
        attributes.remove(WireAttributes.EXTENDED_PAYLOAD_SIZE);
        attributes.remove(WireAttributes.LEGACY_PAYLOAD_SIZE);
        EncodedAttribute header = attributes.get(WireAttributes.HEADER);
        WireMessage m;
        try {
            if (header != null) {
                m = decodeHake(received.body(), header, attributes, consumedFrom);
            } else if (attributes.containsKey(WireAttributes.PACKED_PROPERTIES)) {
                throw new WireFormatException("message has a " + WireAttributes.PACKED_PROPERTIES + " attribute but no "
                        + WireAttributes.HEADER + " attribute");
            } else {
                m = decodeForeign(received, attributes, consumedFrom);
            }
        } catch (WireFormatException unreadable) {
            m = asUnreadable(received, attributes, consumedFrom, unreadable);
        }
        m.deliveryCount(receiveCount(received));
        String awsTraceHeader = received.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER);
        if (awsTraceHeader != null) {
            m.properties().put(WireMessage.AWS_TRACE_HEADER_PROPERTY, awsTraceHeader);
        }
        if (fetchedFrom != null) {
            m.storedBody(PayloadPointer.parse(fetchedFrom.stringValue()).orElseThrow());
        }
        return m;
    }

    /**
     * A message that claims to be hake's but cannot be read as such (hand-made attributes, a body
     * that does not decode): delivered as what it plainly is, a text with its readable attributes,
     * and the reason in {@link WireMessage#UNREADABLE_PROPERTY}, rather than left to block or loop.
     */
    private static WireMessage asUnreadable(Message received, Map<String, EncodedAttribute> attributes,
            WireDestination consumedFrom, WireFormatException reason) {
        Map<String, EncodedAttribute> readable = new TreeMap<>(attributes);
        readable.keySet().removeIf(WireAttributes::isReserved);
        WireMessage m = decodeForeign(received, readable, consumedFrom);
        m.properties().put(WireMessage.UNREADABLE_PROPERTY, reason.getMessage());
        return m;
    }

    private static WireMessage decodeHake(String body, EncodedAttribute header, Map<String, EncodedAttribute> attributes,
            WireDestination consumedFrom) {
        if (header.stringValue() == null || !header.baseType().equals(EncodedAttribute.STRING)) {
            throw new WireFormatException("the " + WireAttributes.HEADER + " attribute is a " + header.dataType()
                    + ", not a String");
        }
        WireMessage m = new WireMessage();
        HeaderLayout layout = HeaderFormat.read(header.stringValue(), m);
        if (m.destination() == null) {
            m.destination(consumedFrom);
        }
        BodyCodec.decode(layout.body(), body, m);
        readProperties(layout, attributes, m);
        if (consumedFrom != null && !m.destination().equals(consumedFrom)) {
            m.properties().put(WireMessage.DEAD_LETTER_SOURCE_PROPERTY,
                    (m.destination().isTopic() ? "topic://" : "queue://") + m.destination().name());
        }
        return m;
    }

    private static void readProperties(HeaderLayout layout, Map<String, EncodedAttribute> attributes, WireMessage m) {
        Iterator<Map.Entry<String, Object>> packed = packedProperties(layout, attributes).iterator();
        Set<String> listed = new HashSet<>();
        for (PropertySlot slot : layout.slots()) {
            Map.Entry<String, Object> property;
            if (slot.isPacked()) {
                property = packed.next(); // packedProperties checked that the counts agree
            } else {
                EncodedAttribute a = attributes.get(slot.name());
                if (a == null || WireAttributes.isReserved(slot.name())) {
                    throw new WireFormatException("the " + WireAttributes.HEADER + " attribute lists property '"
                            + slot.name() + "' but the message has no such attribute");
                }
                listed.add(slot.name());
                property = Map.entry(slot.name(), NativeProperties.fromAttribute(slot.name(), slot.type(), a));
            }
            if (m.properties().putIfAbsent(property.getKey(), property.getValue()) != null) {
                throw new WireFormatException("property '" + property.getKey() + "' appears twice");
            }
        }
        // Attributes hake did not list were added on the way (a forwarder, a hand-made message): read them as
        // a foreign message's, after the listed ones, rather than drop them.
        attributes.forEach((name, a) -> {
            if (!listed.contains(name) && !WireAttributes.isReserved(name) && !m.properties().containsKey(name)) {
                ForeignAttributes.toProperty(a).ifPresent(v -> m.properties().put(name, v));
            }
        });
    }

    private static List<Map.Entry<String, Object>> packedProperties(HeaderLayout layout,
            Map<String, EncodedAttribute> attributes) {
        EncodedAttribute a = attributes.get(WireAttributes.PACKED_PROPERTIES);
        long expected = layout.packedCount();
        if (a == null) {
            if (expected > 0) {
                throw new WireFormatException("the " + WireAttributes.HEADER + " attribute lists " + expected
                        + " packed properties but the message has no " + WireAttributes.PACKED_PROPERTIES + " attribute");
            }
            return List.of();
        }
        if (a.stringValue() == null) {
            throw new WireFormatException("the " + WireAttributes.PACKED_PROPERTIES + " attribute is not a String");
        }
        byte[] block;
        try {
            block = Base64.getDecoder().decode(a.stringValue());
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("the " + WireAttributes.PACKED_PROPERTIES + " attribute is not base64", e);
        }
        List<Map.Entry<String, Object>> properties = ValueBlocks.decodeProperties(block);
        if (properties.size() != expected) {
            throw new WireFormatException("the " + WireAttributes.PACKED_PROPERTIES + " attribute holds "
                    + properties.size() + " properties but the " + WireAttributes.HEADER + " attribute lists " + expected);
        }
        return properties;
    }

    private static WireMessage decodeForeign(Message received, Map<String, EncodedAttribute> attributes,
            WireDestination consumedFrom) {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text(received.body());
        m.messageId(received.messageId() == null ? null : "ID:" + received.messageId());
        m.destination(consumedFrom);
        String sent = received.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        if (sent != null) {
            m.timestamp(systemNumber(sent, MessageSystemAttributeName.SENT_TIMESTAMP));
        }
        // Sorted by name: SQS returns attributes in no particular order, and a stable one is easier to reason about.
        new TreeMap<>(attributes).forEach((name, a) ->
                ForeignAttributes.toProperty(a).ifPresent(v -> m.properties().put(name, v)));
        return m;
    }

    /** How many times SQS has handed the message out; 1 when the receiver did not ask SQS for it. */
    private static int receiveCount(Message received) {
        String count = received.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return count == null ? 1 : (int) Math.min(Integer.MAX_VALUE,
                systemNumber(count, MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    private static long systemNumber(String value, MessageSystemAttributeName name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new WireFormatException("SQS system attribute " + name + " is not a number", e);
        }
    }
}
