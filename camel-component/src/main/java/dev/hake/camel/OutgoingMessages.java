package dev.hake.camel;

import dev.hake.core.BodyKind;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exchange into the message hake sends, as the JMS producer would: id, timestamp and
 * JMS header fields from the Hake* headers, user properties from the other headers, and a text or
 * bytes body.
 */
final class OutgoingMessages {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingMessages.class);
    static final String GROUP_ID_PROPERTY = "JMSXGroupID";
    static final String GROUP_SEQ_PROPERTY = "JMSXGroupSeq";
    private static final Set<String> RESERVED_WORDS = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private OutgoingMessages() {
    }

    /**
     * The message for {@code exchange}, to {@code destination}.
     *
     * @throws InvalidPayloadException if the body converts to neither String nor byte[]
     * @throws IllegalArgumentException if a Hake* header holds a value it cannot take
     */
    static WireMessage toWire(Exchange exchange, WireDestination destination, HeaderFilterStrategy filter)
            throws InvalidPayloadException {
        Message in = exchange.getMessage();
        WireMessage wire = body(exchange, in.getBody());
        long now = System.currentTimeMillis();
        long delay = millis(in, HakeConstants.DELIVERY_DELAY);
        long ttl = millis(in, HakeConstants.TIME_TO_LIVE);
        wire.messageId("ID:" + UUID.randomUUID());
        wire.timestamp(now);
        wire.destination(destination);
        wire.deliveryTime(now + delay);
        wire.expiration(ttl > 0 ? now + ttl : 0);
        wire.deliveryMode(deliveryMode(in.getHeader(HakeConstants.DELIVERY_MODE)));
        wire.priority(priority(in.getHeader(HakeConstants.PRIORITY, WireMessage.DEFAULT_PRIORITY, Integer.class)));
        wire.correlationId(in.getHeader(HakeConstants.CORRELATION_ID, String.class));
        wire.type(in.getHeader(HakeConstants.TYPE, String.class));
        String replyTo = in.getHeader(HakeConstants.REPLY_TO, String.class);
        wire.replyTo(replyTo == null || replyTo.isBlank() ? null : DestinationText.parse(replyTo));
        for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
            String name = header.getKey();
            if (filter != null && filter.applyFilterToCamelHeaders(name, header.getValue(), exchange)) {
                continue;
            }
            Object value = propertyValue(name, header.getValue());
            if (value != null) {
                wire.properties().put(name, value);
            }
        }
        String group = in.getHeader(HakeConstants.GROUP_ID, String.class);
        if (group != null && !group.isEmpty()) {
            wire.properties().put(GROUP_ID_PROPERTY, group);
        }
        return wire;
    }

    /**
     * Text for strings and character data, bytes for byte[] and streams, files and buffers;
     * anything else through Camel's type converters, to String if one converts it, else to byte[].
     */
    private static WireMessage body(Exchange exchange, Object body) throws InvalidPayloadException {
        if (body == null) {
            return new WireMessage(BodyKind.NONE);
        }
        if (body instanceof byte[] || body instanceof InputStream || body instanceof ByteBuffer
                || body instanceof StreamCache || body instanceof WrappedFile || body instanceof File
                || body instanceof Path) {
            return bytes(exchange.getMessage().getMandatoryBody(byte[].class));
        }
        String text = body instanceof String s ? s
                : exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body);
        if (text != null) {
            WireMessage wire = new WireMessage(BodyKind.TEXT);
            wire.text(text);
            return wire;
        }
        return bytes(exchange.getMessage().getMandatoryBody(byte[].class));
    }

    private static WireMessage bytes(byte[] bytes) {
        WireMessage wire = new WireMessage(BodyKind.BYTES);
        wire.bytes(bytes);
        return wire;
    }

    /**
     * The property value for a header, or null when it cannot be one: its name is no selector
     * identifier, is a JMS name, or its value has no property type and no plain string form.
     */
    static Object propertyValue(String name, Object value) {
        if (value == null || !isPropertyName(name)) {
            LOG.debug("header is not sent: not a property name, or null [header={}]", name);
            return null;
        }
        if (name.equals(GROUP_SEQ_PROPERTY)) {
            return value instanceof Integer ? value : null;
        }
        if (name.equals(GROUP_ID_PROPERTY)) {
            return value instanceof String ? value : null;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>
                || value instanceof BigDecimal || value instanceof BigInteger || value instanceof UUID) {
            return value.toString();
        }
        LOG.debug("header is not sent: {} is no property type [header={}]", value.getClass().getName(), name);
        return null;
    }

    /** A selector identifier that is no reserved word, and no JMS name but the two settable JMSX ones. */
    static boolean isPropertyName(String name) {
        if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))
                || !name.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c)
                        && !Character.isIdentifierIgnorable(c))
                || RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            return false;
        }
        return !name.startsWith("JMS") || name.equals(GROUP_ID_PROPERTY) || name.equals(GROUP_SEQ_PROPERTY);
    }

    private static int deliveryMode(Object header) {
        if (header == null) {
            return WireMessage.PERSISTENT;
        }
        String mode = header.toString().trim().toUpperCase(Locale.ROOT);
        return switch (mode) {
            case "PERSISTENT", "2" -> WireMessage.PERSISTENT;
            case "NON_PERSISTENT", "1" -> WireMessage.NON_PERSISTENT;
            default -> throw new IllegalArgumentException("header " + HakeConstants.DELIVERY_MODE
                    + " must be PERSISTENT or NON_PERSISTENT (2 or 1), was '" + header + "'");
        };
    }

    private static int priority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("header " + HakeConstants.PRIORITY + " must be 0 to 9, was " + priority);
        }
        return priority;
    }

    private static long millis(Message in, String header) {
        long value = in.getHeader(header, 0L, Long.class);
        if (value < 0) {
            throw new IllegalArgumentException("header " + header + " must not be negative, was " + value);
        }
        return value;
    }
}
