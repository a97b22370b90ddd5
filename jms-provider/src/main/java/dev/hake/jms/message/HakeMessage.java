package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Enumeration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A JMS message over a core {@link WireMessage}: properties and acknowledgement are written once
 * here, headers in {@link HakeMessageHeaders}, the body types in the subclasses; the wire codec
 * reads only the WireMessage.
 * A plain instance is a Message with no body. Like every JMS message it is not thread-safe.
 */
public class HakeMessage extends HakeMessageHeaders {

    private final MessageProperties properties;
    private boolean bodyReadOnly;
    private MessageAcknowledger acknowledger;

    /** A new message with no body. */
    public HakeMessage() {
        this(new WireMessage(BodyKind.NONE));
    }

    HakeMessage(WireMessage wire) {
        super(wire);
        this.properties = new MessageProperties(wire);
    }

    /**
     * The message the application receives for {@code wire}: the subclass for its body kind, with
     * properties and body read-only, JMSXDeliveryCount set to the delivery count (at least 1) and
     * JMSRedelivered true from the second delivery on. The message takes {@code wire} over.
     *
     * @param trustedClasses which class names an ObjectMessage body may deserialise; see {@link TrustedClasses}
     */
    public static HakeMessage fromWire(WireMessage wire, Predicate<String> trustedClasses) {
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(trustedClasses, "trustedClasses");
        HakeMessage message = switch (wire.bodyKind()) {
            case NONE -> new HakeMessage(wire);
            case TEXT -> new HakeTextMessage(wire);
            case BYTES -> new HakeBytesMessage(wire);
            case MAP -> new HakeMapMessage(wire);
            case STREAM -> new HakeStreamMessage(wire);
            case OBJECT -> new HakeObjectMessage(wire, trustedClasses);
        };
        // Anything received has been delivered at least once; JMSXDeliveryCount is mandatory on receipt.
        wire.deliveryCount(Math.max(1, wire.deliveryCount()));
        message.setJMSRedelivered(wire.deliveryCount() > 1);
        message.properties.readOnly(true);
        message.makeBodyReadOnly();
        return message;
    }

    /**
     * A hake message with the body, headers and properties of {@code message}, which may come from
     * any JMS provider; a hake message is returned as it is. Reading a foreign BytesMessage or
     * StreamMessage body calls its {@code reset()}. Provider-set JMSX properties are not copied.
     */
    public static HakeMessage copyOf(Message message) throws JMSException {
        if (message instanceof HakeMessage hake) {
            return hake;
        }
        return ForeignMessages.copy(Objects.requireNonNull(message, "message"));
    }

    /**
     * A deep copy of headers, properties and body as they are now, for the codec to send: later
     * changes to this message do not reach the copy. A BytesMessage's pending writes are included.
     */
    public WireMessage toWireForSend() {
        flushBody();
        WireMessage snapshot = wire().copy();
        snapshot.deliveryCount(0);
        return snapshot;
    }

    /** Sets what {@link #acknowledge()} calls; the session does this for every message it delivers. */
    public void setAcknowledger(MessageAcknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    // ---- hooks for the body types

    boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    /** Makes the body read-only; BytesMessage and StreamMessage also move their read position to the start. */
    void makeBodyReadOnly() {
        bodyReadOnly = true;
    }

    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the message body is read-only; call clearBody() first");
        }
    }

    /** Empties the body as a new message of this type has it. */
    void clearBodyContent() {
    }

    /** Moves pending writes into the wire message before it is copied. */
    void flushBody() {
    }

    /** The type {@link #getBody} checks against, or null when there is no body. */
    Class<?> bodyType() throws JMSException {
        return null;
    }

    /** The body as {@link #getBody} returns it; only called when {@link #bodyType()} is not null. */
    Object bodyValue() throws JMSException {
        return null;
    }

    // ---- body

    @Override
    public void clearBody() throws JMSException {
        clearBodyContent();
        bodyReadOnly = false;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Class<?> type = bodyType();
        if (type == null) {
            return null;
        }
        if (!c.isAssignableFrom(type)) {
            throw new MessageFormatException("the body of a " + getClass().getSimpleName() + " is a "
                    + type.getName() + " and cannot be assigned to " + c.getName());
        }
        return c.cast(bodyValue());
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) throws JMSException {
        try {
            Class<?> type = bodyType();
            return type == null || c.isAssignableFrom(type);
        } catch (MessageFormatException e) {
            return false;
        }
    }

    // ---- acknowledgement

    /** Calls the session's acknowledger; does nothing on a message that was not received. */
    @Override
    public void acknowledge() throws JMSException {
        if (acknowledger != null) {
            acknowledger.acknowledge();
        }
    }

    // ---- properties

    /** Removes every client property and makes properties writable; JMSXDeliveryCount stays. */
    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return TypeConversion.toBoolean(properties.get(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return TypeConversion.toByte(properties.get(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return TypeConversion.toShort(properties.get(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return TypeConversion.toInt(properties.get(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return TypeConversion.toLong(properties.get(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return TypeConversion.toFloat(properties.get(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return TypeConversion.toDouble(properties.get(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return TypeConversion.toText(properties.get(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    /** A null value removes the property, which then reads as null (absent). */
    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    /** Boolean, Byte, Short, Integer, Long, Float, Double or String; null removes the property. */
    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    /** Type, id and destination only: bodies and property values may hold secrets. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + getJMSMessageID() + ", destination="
                + getJMSDestination() + "]";
    }
}
