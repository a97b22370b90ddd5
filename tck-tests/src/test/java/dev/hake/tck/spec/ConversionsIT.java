package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, chapter 3 "Jakarta Messaging message model": the type conversion tables
 * of section 3.5.4 (message properties) and section 3.11.3 (the values of {@code MapMessage} and
 * {@code StreamMessage} bodies), and 3.5.8 "Non-existent properties". Every conversion the tables
 * allow gives the converted value; every other one throws {@code MessageFormatException}; a String
 * that does not parse as the number asked for throws {@code NumberFormatException}; and a missing
 * or null value reads as {@code valueOf(null)} of the type asked for.
 */
class ConversionsIT extends RoundTripTest {

    /** The value types of properties, map entries and stream fields. */
    private enum Type { BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    /** Which types a value written as the key type may be read as (properties have no CHAR and BYTES). */
    private static final Map<Type, Set<Type>> READABLE_AS = Map.of(
            Type.BOOLEAN, EnumSet.of(Type.BOOLEAN, Type.STRING),
            Type.BYTE, EnumSet.of(Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.SHORT, EnumSet.of(Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.CHAR, EnumSet.of(Type.CHAR, Type.STRING),
            Type.INT, EnumSet.of(Type.INT, Type.LONG, Type.STRING),
            Type.LONG, EnumSet.of(Type.LONG, Type.STRING),
            Type.FLOAT, EnumSet.of(Type.FLOAT, Type.DOUBLE, Type.STRING),
            Type.DOUBLE, EnumSet.of(Type.DOUBLE, Type.STRING),
            Type.STRING, EnumSet.of(Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE, Type.STRING),
            Type.BYTES, EnumSet.of(Type.BYTES));

    private static final Set<Type> PROPERTY_TYPES = EnumSet.complementOf(EnumSet.of(Type.CHAR, Type.BYTES));

    /** One value per type; the String one parses as every number type. */
    private static final Map<Type, Object> SAMPLES = Map.of(
            Type.BOOLEAN, true,
            Type.BYTE, (byte) 12,
            Type.SHORT, (short) 1234,
            Type.CHAR, 'x',
            Type.INT, 123_456,
            Type.LONG, 1_234_567_890_123L,
            Type.FLOAT, 1.5f,
            Type.DOUBLE, 2.25d,
            Type.STRING, "12",
            Type.BYTES, new byte[] {1, 2, 3});

    @FunctionalInterface
    private interface Reader {
        Object read(Type type) throws JMSException;
    }

    /** What a value of type {@code from} reads as when read as {@code to}, where the table allows it. */
    private static Object converted(Type from, Object value, Type to) {
        if (to == Type.STRING) {
            return String.valueOf(value);
        }
        if (from == Type.STRING) {
            String s = (String) value;
            return switch (to) {
                case BOOLEAN -> Boolean.valueOf(s);
                case BYTE -> Byte.valueOf(s);
                case SHORT -> Short.valueOf(s);
                case INT -> Integer.valueOf(s);
                case LONG -> Long.valueOf(s);
                case FLOAT -> Float.valueOf(s);
                case DOUBLE -> Double.valueOf(s);
                default -> throw new AssertionError(to);
            };
        }
        if (value instanceof Number n) {
            return switch (to) {
                case BYTE -> n.byteValue();
                case SHORT -> n.shortValue();
                case INT -> n.intValue();
                case LONG -> n.longValue();
                case FLOAT -> n.floatValue();
                case DOUBLE -> n.doubleValue();
                default -> throw new AssertionError(to);
            };
        }
        return value;
    }

    /** Reads the value written as {@code from} as every type, checking the outcome against the table. */
    private static void checkTable(Type from, Set<Type> readTypes, Reader reader) throws JMSException {
        Object value = SAMPLES.get(from);
        for (Type to : readTypes) {
            if (READABLE_AS.get(from).contains(to)) {
                assertThat(reader.read(to)).as("%s read as %s", from, to).isEqualTo(converted(from, value, to));
            } else {
                assertThatThrownBy(() -> reader.read(to)).as("%s read as %s", from, to)
                        .isInstanceOf(MessageFormatException.class);
            }
        }
    }

    private static Object readProperty(Message m, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> m.getBooleanProperty(name);
            case BYTE -> m.getByteProperty(name);
            case SHORT -> m.getShortProperty(name);
            case INT -> m.getIntProperty(name);
            case LONG -> m.getLongProperty(name);
            case FLOAT -> m.getFloatProperty(name);
            case DOUBLE -> m.getDoubleProperty(name);
            case STRING -> m.getStringProperty(name);
            default -> throw new AssertionError(type);
        };
    }

    private static Object readMap(MapMessage m, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> m.getBoolean(name);
            case BYTE -> m.getByte(name);
            case SHORT -> m.getShort(name);
            case CHAR -> m.getChar(name);
            case INT -> m.getInt(name);
            case LONG -> m.getLong(name);
            case FLOAT -> m.getFloat(name);
            case DOUBLE -> m.getDouble(name);
            case STRING -> m.getString(name);
            case BYTES -> m.getBytes(name);
        };
    }

    private static Object readStream(StreamMessage m, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> m.readBoolean();
            case BYTE -> m.readByte();
            case SHORT -> m.readShort();
            case CHAR -> m.readChar();
            case INT -> m.readInt();
            case LONG -> m.readLong();
            case FLOAT -> m.readFloat();
            case DOUBLE -> m.readDouble();
            case STRING -> m.readString();
            case BYTES -> {
                byte[] buffer = new byte[64];
                int length = m.readBytes(buffer);
                yield Arrays.copyOf(buffer, length);
            }
        };
    }

    private static void setProperty(Message m, String name, Object value) throws JMSException {
        m.setObjectProperty(name, value);
    }

    @Test
    void propertiesConvertAsTheTableSays() throws Exception {
        Message message = session.createMessage();
        for (Type from : PROPERTY_TYPES) {
            setProperty(message, from.name(), SAMPLES.get(from));
        }

        for (Message m : new Message[] {message, roundTrip(message)}) {
            for (Type from : PROPERTY_TYPES) {
                checkTable(from, PROPERTY_TYPES, to -> readProperty(m, from.name(), to));
            }
        }
    }

    @Test
    void stringPropertiesThatDoNotParseThrowNumberFormatException() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("word", "abc");
        message.setStringProperty("decimal", "1.5");
        message.setStringProperty("big", "300");
        message.setStringProperty("yes", "TRUE");
        Message m = roundTrip(message);

        assertThatThrownBy(() -> m.getByteProperty("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShortProperty("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("decimal")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getByteProperty("big")).isInstanceOf(NumberFormatException.class);
        assertThat(m.getDoubleProperty("decimal")).isEqualTo(1.5);
        assertThat(m.getShortProperty("big")).isEqualTo((short) 300);
        // A String reads as boolean as Boolean.valueOf does: "true" in any case is true, anything else false.
        assertThat(m.getBooleanProperty("yes")).isTrue();
        assertThat(m.getBooleanProperty("word")).isFalse();
    }

    @Test
    void aMissingPropertyReadsAsValueOfNull() throws Exception {
        Message m = roundTrip(session.createMessage());

        assertThat(m.getObjectProperty("missing")).isNull();
        assertThat(m.getStringProperty("missing")).isNull();
        assertThat(m.getBooleanProperty("missing")).isFalse();
        assertThatThrownBy(() -> m.getByteProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShortProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("missing")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("missing")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void mapValuesConvertAsTheTableSays() throws Exception {
        MapMessage message = session.createMapMessage();
        for (Type from : Type.values()) {
            message.setObject(from.name(), SAMPLES.get(from));
        }

        for (MapMessage m : new MapMessage[] {message, roundTrip(message)}) {
            for (Type from : Type.values()) {
                if (from == Type.BYTES) {
                    assertThat(m.getBytes(from.name())).isEqualTo(SAMPLES.get(from));
                    for (Type to : EnumSet.complementOf(EnumSet.of(Type.BYTES))) {
                        assertThatThrownBy(() -> readMap(m, from.name(), to)).as("byte[] read as %s", to)
                                .isInstanceOf(MessageFormatException.class);
                    }
                } else {
                    checkTable(from, EnumSet.allOf(Type.class), to -> readMap(m, from.name(), to));
                }
            }
        }
    }

    @Test
    void mapStringsThatDoNotParseThrowNumberFormatException() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setString("word", "abc");
        MapMessage m = roundTrip(message);

        assertThatThrownBy(() -> m.getByte("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShort("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getInt("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLong("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloat("word")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDouble("word")).isInstanceOf(NumberFormatException.class);
        assertThat(m.getBoolean("word")).isFalse();
        // A String is not a char.
        assertThatThrownBy(() -> m.getChar("word")).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aMissingOrNullMapValueReadsAsValueOfNull() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setString("null", null);
        MapMessage m = roundTrip(message);

        for (String name : new String[] {"missing", "null"}) {
            assertThat(m.getObject(name)).isNull();
            assertThat(m.getString(name)).isNull();
            assertThat(m.getBytes(name)).isNull();
            assertThat(m.getBoolean(name)).isFalse();
            assertThatThrownBy(() -> m.getByte(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getShort(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getInt(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getLong(name)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> m.getFloat(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> m.getDouble(name)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> m.getChar(name)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void streamFieldsConvertAsTheTableSaysAndAFailedReadDoesNotMove() throws Exception {
        StreamMessage message = session.createStreamMessage();
        // Each value once per type it may be read as: every failing read must leave the position alone.
        for (Type from : Type.values()) {
            for (int i = 0; i < READABLE_AS.get(from).size(); i++) {
                message.writeObject(SAMPLES.get(from));
            }
        }

        StreamMessage m = roundTrip(message);

        for (Type from : Type.values()) {
            Object value = SAMPLES.get(from);
            for (Type allowed : READABLE_AS.get(from)) {
                for (Type refused : EnumSet.complementOf(EnumSet.copyOf(READABLE_AS.get(from)))) {
                    assertThatThrownBy(() -> readStream(m, refused)).as("%s read as %s", from, refused)
                            .isInstanceOf(MessageFormatException.class);
                }
                assertThat(readStream(m, allowed)).as("%s read as %s", from, allowed)
                        .isEqualTo(converted(from, value, allowed));
            }
        }
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void streamStringsThatDoNotParseThrowNumberFormatExceptionAndCanBeReadAgain() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeString("abc");
        StreamMessage m = roundTrip(message);

        assertThatThrownBy(m::readByte).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readShort).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readFloat).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readDouble).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readChar).isInstanceOf(MessageFormatException.class);
        assertThat(m.readString()).isEqualTo("abc");
    }

    @Test
    void aNullStreamFieldReadsAsValueOfNull() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeObject(null);
        message.writeString(null);
        message.writeString(null);
        message.writeObject(null);
        message.writeString(null);
        StreamMessage m = roundTrip(message);

        assertThat(m.readObject()).isNull();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThat(m.readString()).isNull();
        assertThat(m.readBoolean()).isFalse();
        assertThat(m.readBytes(new byte[4])).isEqualTo(-1);
        assertThatThrownBy(m::readChar).isInstanceOf(NullPointerException.class);
    }
}
