package dev.hake.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message as core sends and receives it: body, JMS headers and typed properties.
 *
 * <p>It is a plain mutable holder with no JMS rules: the JMS face enforces read-only states and
 * conversions, the codec turns it into SNS/SQS requests and back. Values in {@link #properties()}
 * are Boolean, Byte, Short, Integer, Long, Float, Double or String; values in a MAP or STREAM body
 * may also be Character and byte[].
 */
public final class WireMessage {

    /** JMS DeliveryMode.PERSISTENT; kept here so that core does not import jakarta.jms. */
    public static final int PERSISTENT = 2;
    public static final int NON_PERSISTENT = 1;
    public static final int DEFAULT_PRIORITY = 4;
    /**
     * Set on a received message that carried hake's attributes but could not be read as hake's
     * (made by hand, or damaged): it arrives as a text message with the raw body, and this String
     * property says what was wrong. JMS reserves {@code JMS_<vendor>} names for providers.
     */
    public static final String UNREADABLE_PROPERTY = "JMS_HakeUnreadable";
    /**
     * Set on a received hake message read from a queue other than the destination it was sent to:
     * SQS moved it there, as its redrive policy moves a message that failed too often to a
     * dead-letter queue. The String property names where it was sent, as {@code queue://NAME} or
     * {@code topic://NAME} (JMSDestination says the same, as the message was sent).
     */
    public static final String DEAD_LETTER_SOURCE_PROPERTY = "JMS_HakeDeadLetterSource";
    /**
     * X-Ray's trace header ({@code Root=1-...;Parent=...;Sampled=1}), a String property. Set on a
     * received message from the {@code AWSTraceHeader} system attribute where AWS (or the sender)
     * put one; sent as that system attribute when a message to a queue has it, so that X-Ray and
     * AWS services downstream continue the trace. SNS has no system attributes: to a topic it travels
     * as the property it is.
     */
    public static final String AWS_TRACE_HEADER_PROPERTY = "JMS_HakeAWSTraceHeader";

    private BodyKind bodyKind = BodyKind.NONE;
    private String text;
    private byte[] bytes;
    private Map<String, Object> map;
    private List<Object> stream;

    private String messageId;
    private long timestamp;
    private String correlationId;
    private byte[] correlationIdBytes;
    private WireDestination replyTo;
    private WireDestination destination;
    private int deliveryMode = PERSISTENT;
    private String type;
    private long expiration;
    private int priority = DEFAULT_PRIORITY;
    private long deliveryTime;
    private String origin;

    private final LinkedHashMap<String, Object> properties = new LinkedHashMap<>();

    /** Set on receipt: how many times SQS has handed this message out, corrected for prefetches returned unseen. */
    private int deliveryCount;
    private PayloadPointer storedBody;

    public WireMessage() {
    }

    public WireMessage(BodyKind bodyKind) {
        this.bodyKind = bodyKind;
    }

    /** A deep copy: the copy shares no mutable state with this message. */
    public WireMessage copy() {
        WireMessage c = new WireMessage(bodyKind);
        c.text = text;
        c.bytes = bytes == null ? null : bytes.clone();
        c.map = map == null ? null : deepCopyMap(map);
        c.stream = stream == null ? null : deepCopyList(stream);
        c.messageId = messageId;
        c.timestamp = timestamp;
        c.correlationId = correlationId;
        c.correlationIdBytes = correlationIdBytes == null ? null : correlationIdBytes.clone();
        c.replyTo = replyTo;
        c.destination = destination;
        c.deliveryMode = deliveryMode;
        c.type = type;
        c.expiration = expiration;
        c.priority = priority;
        c.deliveryTime = deliveryTime;
        c.origin = origin;
        c.properties.putAll(properties);
        c.deliveryCount = deliveryCount;
        c.storedBody = storedBody;
        return c;
    }

    /**
     * Where this received message's body was kept in S3 (it arrived as a pointer and was fetched);
     * null for a message whose body came in the message itself.
     */
    public PayloadPointer storedBody() {
        return storedBody;
    }

    public void storedBody(PayloadPointer storedBody) {
        this.storedBody = storedBody;
    }

    private static Object copyValue(Object v) {
        return v instanceof byte[] b ? b.clone() : v;
    }

    private static Map<String, Object> deepCopyMap(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    private static List<Object> deepCopyList(List<Object> source) {
        List<Object> copy = new ArrayList<>(source.size());
        source.forEach(v -> copy.add(copyValue(v)));
        return copy;
    }

    public BodyKind bodyKind() {
        return bodyKind;
    }

    public void bodyKind(BodyKind bodyKind) {
        this.bodyKind = bodyKind;
    }

    /** TEXT body; null is a legal text. */
    public String text() {
        return text;
    }

    public void text(String text) {
        this.text = text;
    }

    /** BYTES body, or the serialised form of an OBJECT body (null for a null object). */
    public byte[] bytes() {
        return bytes;
    }

    public void bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** MAP body. */
    public Map<String, Object> map() {
        return map;
    }

    public void map(Map<String, Object> map) {
        this.map = map;
    }

    /** STREAM body. */
    public List<Object> stream() {
        return stream;
    }

    public void stream(List<Object> stream) {
        this.stream = stream;
    }

    public String messageId() {
        return messageId;
    }

    public void messageId(String messageId) {
        this.messageId = messageId;
    }

    public long timestamp() {
        return timestamp;
    }

    public void timestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public String correlationId() {
        return correlationId;
    }

    /** Sets the string form and clears the bytes form: JMS keeps one of the two. */
    public void correlationId(String correlationId) {
        this.correlationId = correlationId;
        this.correlationIdBytes = null;
    }

    public byte[] correlationIdBytes() {
        return correlationIdBytes;
    }

    /** Sets the bytes form and clears the string form. */
    public void correlationIdBytes(byte[] correlationIdBytes) {
        this.correlationIdBytes = correlationIdBytes;
        this.correlationId = null;
    }

    public WireDestination replyTo() {
        return replyTo;
    }

    public void replyTo(WireDestination replyTo) {
        this.replyTo = replyTo;
    }

    public WireDestination destination() {
        return destination;
    }

    public void destination(WireDestination destination) {
        this.destination = destination;
    }

    public int deliveryMode() {
        return deliveryMode;
    }

    public void deliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    public String type() {
        return type;
    }

    public void type(String type) {
        this.type = type;
    }

    /** Expiration time in epoch millis; 0 means never. */
    public long expiration() {
        return expiration;
    }

    public void expiration(long expiration) {
        this.expiration = expiration;
    }

    public int priority() {
        return priority;
    }

    public void priority(int priority) {
        this.priority = priority;
    }

    /** Earliest delivery time in epoch millis; 0 means at once. */
    public long deliveryTime() {
        return deliveryTime;
    }

    public void deliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    /** Id of the connection that sent the message (for noLocal); null when unknown. */
    public String origin() {
        return origin;
    }

    public void origin(String origin) {
        this.origin = origin;
    }

    /** User and JMSX properties in the order they were set. */
    public Map<String, Object> properties() {
        return properties;
    }

    public int deliveryCount() {
        return deliveryCount;
    }

    public void deliveryCount(int deliveryCount) {
        this.deliveryCount = deliveryCount;
    }

    @Override
    public String toString() {
        // Never the body or property values: they may hold secrets.
        return "WireMessage[id=" + messageId + ", body=" + bodyKind + ", destination=" + destination
                + ", properties=" + properties.keySet() + "]";
    }
}
