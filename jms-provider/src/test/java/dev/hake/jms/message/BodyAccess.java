package dev.hake.jms.message;

import dev.hake.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.StreamMessage;

/** Typed writes and reads of MapMessage and StreamMessage values, by {@link Type}, for table-driven tests. */
final class BodyAccess {

    private BodyAccess() {
    }

    static void set(MapMessage message, String name, Type type, Object value) throws JMSException {
        switch (type) {
            case BOOLEAN -> message.setBoolean(name, (Boolean) value);
            case BYTE -> message.setByte(name, (Byte) value);
            case SHORT -> message.setShort(name, (Short) value);
            case CHAR -> message.setChar(name, (Character) value);
            case INT -> message.setInt(name, (Integer) value);
            case LONG -> message.setLong(name, (Long) value);
            case FLOAT -> message.setFloat(name, (Float) value);
            case DOUBLE -> message.setDouble(name, (Double) value);
            case STRING -> message.setString(name, (String) value);
            case BYTES -> message.setBytes(name, (byte[]) value);
        }
    }

    static Object get(MapMessage message, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.getBoolean(name);
            case BYTE -> message.getByte(name);
            case SHORT -> message.getShort(name);
            case CHAR -> message.getChar(name);
            case INT -> message.getInt(name);
            case LONG -> message.getLong(name);
            case FLOAT -> message.getFloat(name);
            case DOUBLE -> message.getDouble(name);
            case STRING -> message.getString(name);
            case BYTES -> message.getBytes(name);
        };
    }

    static void write(StreamMessage message, Type type, Object value) throws JMSException {
        switch (type) {
            case BOOLEAN -> message.writeBoolean((Boolean) value);
            case BYTE -> message.writeByte((Byte) value);
            case SHORT -> message.writeShort((Short) value);
            case CHAR -> message.writeChar((Character) value);
            case INT -> message.writeInt((Integer) value);
            case LONG -> message.writeLong((Long) value);
            case FLOAT -> message.writeFloat((Float) value);
            case DOUBLE -> message.writeDouble((Double) value);
            case STRING -> message.writeString((String) value);
            case BYTES -> message.writeBytes((byte[]) value);
        }
    }

    /** Reads as the type; a byte[] is read whole through readBytes with a buffer of its size plus one. */
    static Object read(StreamMessage message, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.readBoolean();
            case BYTE -> message.readByte();
            case SHORT -> message.readShort();
            case CHAR -> message.readChar();
            case INT -> message.readInt();
            case LONG -> message.readLong();
            case FLOAT -> message.readFloat();
            case DOUBLE -> message.readDouble();
            case STRING -> message.readString();
            case BYTES -> {
                byte[] buffer = new byte[64];
                int n = message.readBytes(buffer);
                yield java.util.Arrays.copyOf(buffer, n);
            }
        };
    }
}
