package dev.hake.jms.message;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message whose body is a sequence of primitive, String and byte[] values (nulls allowed), read
 * in order with the spec's conversion table (3.11.3). Write-only until {@link #reset()}, read-only
 * after it. A read that fails (MessageFormatException, NumberFormatException, NullPointerException)
 * does not move the position, so the value can be read again as another type.
 */
public final class HakeStreamMessage extends HakeMessage implements StreamMessage {

    /** Index of the next value to read. */
    private int position;
    /** Bytes of the current byte[] value already returned by readBytes; -1 when not inside one. */
    private int bytesRead = -1;

    /** A new, empty message in write-only mode. */
    public HakeStreamMessage() {
        super(new WireMessage(BodyKind.STREAM));
        clearBodyContent();
    }

    HakeStreamMessage(WireMessage wire) {
        super(wire);
        if (wire.stream() == null) {
            wire.stream(new ArrayList<>());
        }
    }

    private List<Object> values() {
        return wire().stream();
    }

    // ---- modes

    /** Makes the body read-only and moves the read position to the first value. */
    @Override
    public void reset() {
        makeBodyReadOnly();
    }

    @Override
    void makeBodyReadOnly() {
        super.makeBodyReadOnly();
        position = 0;
        bytesRead = -1;
    }

    @Override
    void clearBodyContent() {
        wire().stream(new ArrayList<>());
        position = 0;
        bytesRead = -1;
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException("the body is write-only until reset() is called");
        }
    }

    /** The next value, without consuming it. */
    private Object next() throws JMSException {
        checkReadable();
        if (bytesRead >= 0) {
            throw new MessageFormatException("the current byte[] value is partly read; finish it with readBytes first");
        }
        if (position >= values().size()) {
            throw new MessageEOFException("end of the stream message body");
        }
        return values().get(position);
    }

    private void write(Object value) throws JMSException {
        checkBodyWritable();
        values().add(value);
    }

    // ---- reading: convert first, advance only on success

    @Override
    public boolean readBoolean() throws JMSException {
        boolean value = TypeConversion.toBoolean(next());
        position++;
        return value;
    }

    @Override
    public byte readByte() throws JMSException {
        byte value = TypeConversion.toByte(next());
        position++;
        return value;
    }

    @Override
    public short readShort() throws JMSException {
        short value = TypeConversion.toShort(next());
        position++;
        return value;
    }

    @Override
    public char readChar() throws JMSException {
        char value = TypeConversion.toChar(next());
        position++;
        return value;
    }

    @Override
    public int readInt() throws JMSException {
        int value = TypeConversion.toInt(next());
        position++;
        return value;
    }

    @Override
    public long readLong() throws JMSException {
        long value = TypeConversion.toLong(next());
        position++;
        return value;
    }

    @Override
    public float readFloat() throws JMSException {
        float value = TypeConversion.toFloat(next());
        position++;
        return value;
    }

    @Override
    public double readDouble() throws JMSException {
        double value = TypeConversion.toDouble(next());
        position++;
        return value;
    }

    @Override
    public String readString() throws JMSException {
        String value = TypeConversion.toText(next());
        position++;
        return value;
    }

    /** The next value as its boxed type (byte[] copied), or null. */
    @Override
    public Object readObject() throws JMSException {
        Object value = ValueTypes.copy(next());
        position++;
        return value;
    }

    /**
     * Reads a byte[] value in pieces of {@code value.length}: returns the number of bytes copied;
     * the value is done when that is less than the buffer's length, or when a call returns -1. A null
     * value returns -1 and an empty one 0, both in one call.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        if (bytesRead < 0) {
            Object field = next();
            if (field == null) {
                position++;
                return -1;
            }
            if (!(field instanceof byte[] bytes)) {
                throw new MessageFormatException("a " + TypeConversion.typeName(field) + " value cannot be read as byte[]");
            }
            if (bytes.length == 0) {
                position++;
                return 0;
            }
            bytesRead = 0;
        }
        byte[] field = (byte[]) values().get(position);
        int remaining = field.length - bytesRead;
        if (remaining == 0) {
            finishBytes();
            return -1;
        }
        int count = Math.min(value.length, remaining);
        System.arraycopy(field, bytesRead, value, 0, count);
        bytesRead += count;
        if (count < value.length) {
            finishBytes();
        }
        return count;
    }

    private void finishBytes() {
        bytesRead = -1;
        position++;
    }

    // ---- writing

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        write(value);
    }

    /** Writes a copy of {@code value} as one byte[] value; null writes a null value. */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(value == null ? null : value.clone());
    }

    /** Writes a copy of {@code length} bytes of {@code value} from {@code offset} as one byte[] value. */
    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        byte[] part = new byte[length];
        System.arraycopy(value, offset, part, 0, length);
        write(part);
    }

    /**
     * Writes a boxed primitive, Character, String, byte[] (copied) or null.
     *
     * @throws MessageFormatException for any other type
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value != null && !ValueTypes.isBodyValue(value)) {
            throw new MessageFormatException("a StreamMessage cannot hold a " + value.getClass().getName());
        }
        write(ValueTypes.copy(value));
    }

    // ---- getBody: the spec excludes StreamMessage

    @Override
    Class<?> bodyType() throws MessageFormatException {
        throw new MessageFormatException("the body of a StreamMessage cannot be read with getBody");
    }
}
