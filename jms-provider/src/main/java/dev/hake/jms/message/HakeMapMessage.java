package dev.hake.jms.message;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message whose body is a set of named primitive, String and byte[] values, read back with the
 * spec's conversion table (3.11.3). Names keep their insertion order; values may be null.
 */
public final class HakeMapMessage extends HakeMessage implements MapMessage {

    /** A new, empty, writable map message. */
    public HakeMapMessage() {
        super(new WireMessage(BodyKind.MAP));
        clearBodyContent();
    }

    HakeMapMessage(WireMessage wire) {
        super(wire);
        if (wire.map() == null) {
            wire.map(new LinkedHashMap<>());
        }
    }

    private Map<String, Object> map() {
        return wire().map();
    }

    private void put(String name, Object value) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a map entry name must not be null or empty");
        }
        checkBodyWritable();
        map().put(name, value);
    }

    @Override
    void clearBodyContent() {
        wire().map(new LinkedHashMap<>());
    }

    // ---- reading

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return TypeConversion.toBoolean(map().get(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return TypeConversion.toByte(map().get(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return TypeConversion.toShort(map().get(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return TypeConversion.toChar(map().get(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return TypeConversion.toInt(map().get(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return TypeConversion.toLong(map().get(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return TypeConversion.toFloat(map().get(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return TypeConversion.toDouble(map().get(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return TypeConversion.toText(map().get(name));
    }

    /** A copy of a byte[] entry; null for a missing or null entry. */
    @Override
    public byte[] getBytes(String name) throws JMSException {
        return TypeConversion.toBytes(map().get(name));
    }

    /** The entry as its boxed type (byte[] copied), or null. */
    @Override
    public Object getObject(String name) {
        return ValueTypes.copy(map().get(name));
    }

    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new ArrayList<>(map().keySet()));
    }

    @Override
    public boolean itemExists(String name) {
        return map().containsKey(name);
    }

    // ---- writing

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    /** Stores a copy of {@code value}, which may be null. */
    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    /** Stores a copy of {@code length} bytes of {@code value} from {@code offset}. */
    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        byte[] part = new byte[length];
        System.arraycopy(value, offset, part, 0, length);
        put(name, part);
    }

    /**
     * Stores a boxed primitive, Character, String, byte[] (copied) or null.
     *
     * @throws MessageFormatException for any other type
     */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (value != null && !ValueTypes.isBodyValue(value)) {
            throw new MessageFormatException("a MapMessage cannot hold a " + value.getClass().getName());
        }
        put(name, ValueTypes.copy(value));
    }

    // ---- getBody

    @Override
    Class<?> bodyType() {
        return map().isEmpty() ? null : Map.class;
    }

    /** An unmodifiable copy: changing it cannot change the message. */
    @Override
    Object bodyValue() {
        Map<String, Object> copy = new LinkedHashMap<>();
        map().forEach((name, value) -> copy.put(name, ValueTypes.copy(value)));
        return Collections.unmodifiableMap(copy);
    }
}
