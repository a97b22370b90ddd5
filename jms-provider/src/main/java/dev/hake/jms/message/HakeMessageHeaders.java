package dev.hake.jms.message;

import dev.hake.core.WireMessage;
import dev.hake.jms.HakeDestination;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;

/**
 * The header half of a {@link HakeMessage}: JMS's headers read and written straight on the core
 * {@link WireMessage}, so the codec sends exactly what the application set. Headers are always
 * writable, as the spec says (a provider sets some of them on send), unlike body and properties.
 */
public abstract class HakeMessageHeaders implements Message {

    private final WireMessage wire;
    private boolean redelivered;

    HakeMessageHeaders(WireMessage wire) {
        this.wire = wire;
    }

    WireMessage wire() {
        return wire;
    }

    @Override
    public String getJMSMessageID() {
        return wire.messageId();
    }

    @Override
    public void setJMSMessageID(String id) {
        wire.messageId(id);
    }

    @Override
    public long getJMSTimestamp() {
        return wire.timestamp();
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        wire.timestamp(timestamp);
    }

    /** The bytes form as set; a string correlation ID is returned as its UTF-8 bytes. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (wire.correlationIdBytes() != null) {
            return wire.correlationIdBytes().clone();
        }
        return wire.correlationId() == null ? null : wire.correlationId().getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps the exact bytes; they travel as bytes and arrive as bytes. */
    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationId) {
        wire.correlationIdBytes(correlationId == null ? null : correlationId.clone());
    }

    @Override
    public void setJMSCorrelationID(String correlationId) {
        wire.correlationId(correlationId);
    }

    /** The string form as set; a bytes correlation ID is returned decoded as UTF-8. */
    @Override
    public String getJMSCorrelationID() {
        if (wire.correlationId() != null) {
            return wire.correlationId();
        }
        return wire.correlationIdBytes() == null ? null : new String(wire.correlationIdBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public Destination getJMSReplyTo() {
        return HakeDestination.fromWire(wire.replyTo());
    }

    /**
     * Accepts a hake destination, or another provider's Queue or Topic by name.
     *
     * @throws jakarta.jms.InvalidDestinationException for a destination that is neither
     */
    @Override
    public void setJMSReplyTo(Destination replyTo) throws JMSException {
        wire.replyTo(Destinations.toWire(replyTo));
    }

    @Override
    public Destination getJMSDestination() {
        return HakeDestination.fromWire(wire.destination());
    }

    /** Accepts what {@link #setJMSReplyTo} accepts; a producer sets it on send. */
    @Override
    public void setJMSDestination(Destination destination) throws JMSException {
        wire.destination(Destinations.toWire(destination));
    }

    @Override
    public int getJMSDeliveryMode() {
        return wire.deliveryMode();
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        wire.deliveryMode(deliveryMode);
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return wire.type();
    }

    @Override
    public void setJMSType(String type) {
        wire.type(type);
    }

    @Override
    public long getJMSExpiration() {
        return wire.expiration();
    }

    @Override
    public void setJMSExpiration(long expiration) {
        wire.expiration(expiration);
    }

    @Override
    public long getJMSDeliveryTime() {
        return wire.deliveryTime();
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        wire.deliveryTime(deliveryTime);
    }

    @Override
    public int getJMSPriority() {
        return wire.priority();
    }

    @Override
    public void setJMSPriority(int priority) {
        wire.priority(priority);
    }
}
