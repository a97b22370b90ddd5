package dev.hake.camel;

import dev.hake.core.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Fills a Camel message from a received hake message: the body as the JMS message type holds it,
 * the properties as headers, and the JMS header fields as Hake* headers.
 */
final class IncomingMessages {

    private IncomingMessages() {
    }

    /**
     * @param trustedClasses the classes an ObjectMessage body may be deserialised to
     * @throws IllegalStateException if an ObjectMessage body cannot be deserialised
     */
    static void fill(Exchange exchange, WireMessage wire, HeaderFilterStrategy filter,
                     Predicate<String> trustedClasses) {
        Message message = exchange.getMessage();
        message.setBody(body(wire, trustedClasses));
        for (Map.Entry<String, Object> property : wire.properties().entrySet()) {
            if (filter == null
                    || !filter.applyFilterToExternalHeaders(property.getKey(), property.getValue(), exchange)) {
                message.setHeader(property.getKey(), property.getValue());
            }
        }
        if (wire.messageId() != null) {
            message.setMessageId(wire.messageId());
        }
        message.setHeader(HakeConstants.MESSAGE_ID, wire.messageId());
        message.setHeader(HakeConstants.TIMESTAMP, wire.timestamp());
        message.setHeader(HakeConstants.DESTINATION, DestinationText.format(wire.destination()));
        message.setHeader(HakeConstants.DELIVERY_COUNT, wire.deliveryCount());
        message.setHeader(HakeConstants.REDELIVERED, wire.deliveryCount() > 1);
        message.setHeader(HakeConstants.PRIORITY, wire.priority());
        message.setHeader(HakeConstants.DELIVERY_MODE,
                wire.deliveryMode() == WireMessage.NON_PERSISTENT ? "NON_PERSISTENT" : "PERSISTENT");
        message.setHeader(HakeConstants.EXPIRATION, wire.expiration());
        message.setHeader(HakeConstants.BODY_KIND, wire.bodyKind().name());
        setIfPresent(message, HakeConstants.CORRELATION_ID, correlationId(wire));
        setIfPresent(message, HakeConstants.TYPE, wire.type());
        setIfPresent(message, HakeConstants.REPLY_TO, DestinationText.format(wire.replyTo()));
        setIfPresent(message, HakeConstants.GROUP_ID, wire.properties().get(OutgoingMessages.GROUP_ID_PROPERTY));
    }

    private static Object body(WireMessage wire, Predicate<String> trustedClasses) {
        return switch (wire.bodyKind()) {
            case NONE -> null;
            case TEXT -> wire.text();
            case BYTES -> wire.bytes();
            case MAP -> wire.map();
            case STREAM -> wire.stream();
            case OBJECT -> wire.bytes() == null ? null : ObjectBodies.read(wire.bytes(), trustedClasses);
        };
    }

    /** A JMS correlation id set as bytes reads as its UTF-8 text, as the JMS provider's getJMSCorrelationID does. */
    private static String correlationId(WireMessage wire) {
        if (wire.correlationId() != null) {
            return wire.correlationId();
        }
        return wire.correlationIdBytes() == null ? null : new String(wire.correlationIdBytes(), StandardCharsets.UTF_8);
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
