package dev.hake.jms.message;

import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The properties of one message, kept in its {@link WireMessage}: name and value checks on set,
 * the read-only state of received messages, and JMSXDeliveryCount, which is read from the wire
 * message's delivery count rather than stored.
 */
final class MessageProperties {

    private final WireMessage wire;
    private boolean readOnly;

    MessageProperties(WireMessage wire) {
        this.wire = wire;
    }

    void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** The stored value (Boolean ... String), or null when there is none. */
    Object get(String name) {
        if (PropertyNames.DELIVERY_COUNT.equals(name)) {
            return wire.deliveryCount() > 0 ? Integer.valueOf(wire.deliveryCount()) : null;
        }
        return wire.properties().get(name);
    }

    boolean exists(String name) {
        return get(name) != null;
    }

    /** A snapshot of the names, so that setting properties while enumerating is safe. */
    Enumeration<String> names() {
        List<String> names = new ArrayList<>(wire.properties().keySet());
        if (wire.deliveryCount() > 0) {
            names.add(PropertyNames.DELIVERY_COUNT);
        }
        return Collections.enumeration(names);
    }

    /**
     * Sets a property. A null value removes the property: it then reads as null, as the spec asks,
     * and the wire never has to carry a null attribute.
     */
    void set(String name, Object value) throws JMSException {
        PropertyNames.checkIdentifier(name);
        if (value != null && !ValueTypes.isPropertyValue(value)) {
            throw new MessageFormatException("property " + name + " cannot hold a "
                    + TypeConversion.typeName(value)
                    + "; allowed are Boolean, Byte, Short, Integer, Long, Float, Double and String");
        }
        if (readOnly) {
            throw new MessageNotWriteableException(
                    "the properties of a received message are read-only; call clearProperties() first");
        }
        PropertyNames.checkClientSettable(name, value);
        if (value == null) {
            wire.properties().remove(name);
        } else {
            wire.properties().put(name, value);
        }
    }

    /** Removes every client property and makes them writable; JMSXDeliveryCount stays, it describes the delivery. */
    void clear() {
        wire.properties().clear();
        readOnly = false;
    }
}
