package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cell of the property conversion table (spec 3.5.4), set typed and as an object. */
class PropertyConversionTest {

    static List<Arguments> cells() {
        return ConversionTable.propertyCells();
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void typedSetterThenGetter(Type row, Type column, Object written, Object expected) throws JMSException {
        HakeMessage message = new HakeMessage();
        setTyped(message, row, written);
        check(message, column, expected);
    }

    @ParameterizedTest(name = "{0} set as object, read as {1}")
    @MethodSource("cells")
    void objectSetterThenGetter(Type row, Type column, Object written, Object expected) throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setObjectProperty("p", written);
        check(message, column, expected);
        assertThat(message.getObjectProperty("p")).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} read as {1} after a send and receive")
    @MethodSource("cells")
    void conversionsHoldOnAReceivedMessage(Type row, Type column, Object written, Object expected) throws JMSException {
        HakeMessage message = new HakeMessage();
        setTyped(message, row, written);
        HakeMessage received = HakeMessage.fromWire(message.toWireForSend(), TrustedClasses.defaults());
        check(received, column, expected);
    }

    private static void check(Message message, Type column, Object expected) {
        if (expected == ConversionTable.FAILS) {
            assertThatThrownBy(() -> get(message, column)).isExactlyInstanceOf(MessageFormatException.class);
        } else {
            assertThat(rethrowing(() -> get(message, column))).isEqualTo(expected);
        }
    }

    @Test
    void missingPropertyReadsAsValueOfNull() throws JMSException {
        HakeMessage message = new HakeMessage();
        assertThat(message.getBooleanProperty("none")).isFalse();
        assertThat(message.getStringProperty("none")).isNull();
        assertThat(message.getObjectProperty("none")).isNull();
        assertThatThrownBy(() -> message.getByteProperty("none")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getShortProperty("none")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getIntProperty("none")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getLongProperty("none")).isExactlyInstanceOf(NumberFormatException.class);
        // Float.valueOf(null) and Double.valueOf(null) throw NullPointerException, not NumberFormatException.
        assertThatThrownBy(() -> message.getFloatProperty("none")).isExactlyInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.getDoubleProperty("none")).isExactlyInstanceOf(NullPointerException.class);
    }

    @Test
    void badStringsFailAsValueOfDoes() throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setStringProperty("s", "12x");
        assertThatThrownBy(() -> message.getIntProperty("s")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getDoubleProperty("s")).isExactlyInstanceOf(NumberFormatException.class);
        message.setStringProperty("big", "300");
        assertThatThrownBy(() -> message.getByteProperty("big")).isExactlyInstanceOf(NumberFormatException.class);
        // Boolean.valueOf: anything but "true" in any case is false.
        message.setStringProperty("yes", "yes");
        assertThat(message.getBooleanProperty("yes")).isFalse();
        message.setStringProperty("twelve", "12");
        assertThat(message.getIntProperty("twelve")).isEqualTo(12);
        assertThat(message.getLongProperty("twelve")).isEqualTo(12L);
    }

    @Test
    void floatAndDoubleWidenOnlyOneWay() throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setFloatProperty("f", 0.1f);
        message.setDoubleProperty("d", 0.1d);
        assertThat(message.getDoubleProperty("f")).isEqualTo((double) 0.1f);
        assertThatThrownBy(() -> message.getFloatProperty("d")).isExactlyInstanceOf(MessageFormatException.class);
        assertThat(message.getStringProperty("f")).isEqualTo("0.1");
    }

    private static void setTyped(Message message, Type type, Object value) throws JMSException {
        switch (type) {
            case BOOLEAN -> message.setBooleanProperty("p", (Boolean) value);
            case BYTE -> message.setByteProperty("p", (Byte) value);
            case SHORT -> message.setShortProperty("p", (Short) value);
            case INT -> message.setIntProperty("p", (Integer) value);
            case LONG -> message.setLongProperty("p", (Long) value);
            case FLOAT -> message.setFloatProperty("p", (Float) value);
            case DOUBLE -> message.setDoubleProperty("p", (Double) value);
            case STRING -> message.setStringProperty("p", (String) value);
            default -> throw new IllegalArgumentException(type + " is not a property type");
        }
    }

    private static Object get(Message message, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> message.getBooleanProperty("p");
            case BYTE -> message.getByteProperty("p");
            case SHORT -> message.getShortProperty("p");
            case INT -> message.getIntProperty("p");
            case LONG -> message.getLongProperty("p");
            case FLOAT -> message.getFloatProperty("p");
            case DOUBLE -> message.getDoubleProperty("p");
            case STRING -> message.getStringProperty("p");
            default -> throw new IllegalArgumentException(type + " is not a property type");
        };
    }

    @FunctionalInterface
    interface JmsCall {
        Object call() throws JMSException;
    }

    static Object rethrowing(JmsCall call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }
}
