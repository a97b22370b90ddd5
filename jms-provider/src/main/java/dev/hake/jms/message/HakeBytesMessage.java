package dev.hake.jms.message;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * A message whose body is a stream of uninterpreted bytes, written and read as
 * {@link DataOutputStream} and {@link DataInputStream} do. Write-only until {@link #reset()},
 * read-only after it; a received message is read-only from the start.
 */
public final class HakeBytesMessage extends HakeMessage implements BytesMessage {

    private static final byte[] EMPTY = new byte[0];

    /** Holds the body while writing; {@code wire().bytes()} holds it once read-only. */
    private ByteArrayOutputStream written;
    private DataOutputStream out;
    private DataInputStream in;

    /** A new, empty message in write-only mode. */
    public HakeBytesMessage() {
        super(new WireMessage(BodyKind.BYTES));
        clearBodyContent();
    }

    HakeBytesMessage(WireMessage wire) {
        super(wire);
        if (wire.bytes() == null) {
            wire.bytes(EMPTY);
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T from(DataInputStream in) throws IOException;
    }

    @FunctionalInterface
    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    // ---- modes

    /** Makes the body read-only and moves the read position to its start. */
    @Override
    public void reset() {
        makeBodyReadOnly();
    }

    @Override
    void makeBodyReadOnly() {
        flushBody();
        written = null;
        out = null;
        super.makeBodyReadOnly();
        in = new DataInputStream(new ByteArrayInputStream(wire().bytes()));
    }

    @Override
    void clearBodyContent() {
        wire().bytes(EMPTY);
        written = new ByteArrayOutputStream();
        out = new DataOutputStream(written);
        in = null;
    }

    @Override
    void flushBody() {
        if (written != null) {
            wire().bytes(written.toByteArray());
        }
    }

    private DataInputStream reader() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException("the body is write-only until reset() is called");
        }
        return in;
    }

    /** Reads a value; on any failure the read position is restored, so the bytes can be read again. */
    private <T> T read(Read<T> read) throws JMSException {
        DataInputStream reader = reader();
        reader.mark(Integer.MAX_VALUE);
        try {
            return read.from(reader);
        } catch (EOFException e) {
            restore(reader);
            throw JmsExceptions.withCause(new MessageEOFException("end of the bytes message body"), e);
        } catch (IOException e) {
            restore(reader);
            throw JmsExceptions.withCause(new MessageFormatException("cannot read the bytes message body: " + e.getMessage()), e);
        }
    }

    private static void restore(DataInputStream reader) {
        try {
            reader.reset();
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream always supports reset", e);
        }
    }

    private void write(Write write) throws JMSException {
        checkBodyWritable();
        try {
            write.to(out);
        } catch (IOException e) {
            // Only writeUTF fails on an in-memory stream: the string is over 65535 bytes once encoded.
            throw JmsExceptions.withCause(new MessageFormatException("cannot write to the bytes message: " + e.getMessage()), e);
        }
    }

    // ---- reading

    /** The body's length in bytes; the body must be read-only. */
    @Override
    public long getBodyLength() throws JMSException {
        reader();
        return wire().bytes().length;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(DataInputStream::readBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(DataInputStream::readByte);
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return read(DataInputStream::readUnsignedByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(DataInputStream::readShort);
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return read(DataInputStream::readUnsignedShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(DataInputStream::readChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(DataInputStream::readInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(DataInputStream::readLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(DataInputStream::readFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(DataInputStream::readDouble);
    }

    @Override
    public String readUTF() throws JMSException {
        return read(reader -> reader.readUTF());
    }

    /** Fills {@code value} from the body; returns how many bytes were read, or -1 at the end. */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /** Reads up to {@code length} bytes; returns how many, or -1 at the end. */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is outside 0.." + value.length);
        }
        DataInputStream reader = reader();
        try {
            if (reader.available() == 0) {
                return -1;
            }
            return reader.read(value, 0, length);
        } catch (IOException e) {
            throw JmsExceptions.withCause(new JMSException("cannot read the bytes message body"), e);
        }
    }

    // ---- writing

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(o -> o.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(o -> o.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(o -> o.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(o -> o.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(o -> o.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(o -> o.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(o -> o.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(o -> o.writeDouble(value));
    }

    /** Writes modified UTF-8 with a two-byte length, as {@link DataOutputStream#writeUTF} does. */
    @Override
    public void writeUTF(String value) throws JMSException {
        Objects.requireNonNull(value, "a BytesMessage cannot hold a null string");
        write(o -> o.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        writeBytes(value, 0, value.length);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        Objects.checkFromIndexSize(offset, length, value.length);
        write(o -> o.write(value, offset, length));
    }

    /**
     * Writes a boxed primitive, a String (as {@link #writeUTF}) or a byte[].
     *
     * @throws NullPointerException for null: a bytes message has no null value
     * @throws MessageFormatException for any other type
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        Objects.requireNonNull(value, "a BytesMessage cannot hold a null value");
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("a BytesMessage cannot hold a " + value.getClass().getName());
        }
    }

    // ---- getBody

    @Override
    Class<?> bodyType() {
        int length = written != null ? written.size() : wire().bytes().length;
        return length == 0 ? null : byte[].class;
    }

    /** The spec: getBody resets the message before and after reading the whole body. */
    @Override
    Object bodyValue() {
        reset();
        byte[] body = wire().bytes().clone();
        reset();
        return body;
    }
}
