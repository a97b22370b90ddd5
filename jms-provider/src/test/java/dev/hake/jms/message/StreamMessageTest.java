package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamMessageTest {

    static List<Arguments> cells() {
        return ConversionTable.bodyCells();
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void conversionTable(Type row, Type column, Object written, Object expected) throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        BodyAccess.write(message, row, written);
        message.writeInt(99);
        message.reset();
        check(message, column, written, expected);

        HakeStreamMessage viaObject = new HakeStreamMessage();
        viaObject.writeObject(written);
        viaObject.writeInt(99);
        viaObject.reset();
        check(viaObject, column, written, expected);
    }

    @ParameterizedTest(name = "{0} read as {1} after a send and receive")
    @MethodSource("cells")
    void conversionTableOnAReceivedMessage(Type row, Type column, Object written, Object expected) throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        BodyAccess.write(message, row, written);
        message.writeInt(99);
        StreamMessage received = (StreamMessage) HakeMessage.fromWire(message.toWireForSend(), TrustedClasses.defaults());
        check(received, column, written, expected);
    }

    /** Reads the first value as the column type; a failed read leaves it to be read again. */
    private static void check(StreamMessage message, Type column, Object written, Object expected) throws JMSException {
        if (expected == ConversionTable.FAILS) {
            assertThatThrownBy(() -> BodyAccess.read(message, column)).isExactlyInstanceOf(MessageFormatException.class);
            assertThat(message.readObject()).isEqualTo(written);
        } else {
            assertThat(BodyAccess.read(message, column)).isEqualTo(expected);
        }
        assertThat(message.readInt()).isEqualTo(99);
        assertThatThrownBy(message::readObject).isExactlyInstanceOf(MessageEOFException.class);
    }

    @Test
    void failedNumberConversionDoesNotMoveThePosition() throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        message.writeString("not a number");
        message.reset();
        assertThatThrownBy(message::readInt).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readChar).isExactlyInstanceOf(MessageFormatException.class);
        assertThat(message.readString()).isEqualTo("not a number");
    }

    @Test
    void nullValueReadsAsValueOfNull() throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        message.writeObject(null);
        message.writeString(null);
        message.writeBytes(null);
        message.reset();
        assertThatThrownBy(message::readChar).isExactlyInstanceOf(NullPointerException.class);
        assertThatThrownBy(message::readInt).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(message::readDouble).isExactlyInstanceOf(NullPointerException.class);
        assertThat(message.readBoolean()).isFalse();
        assertThat(message.readString()).isNull();
        assertThat(message.readObject()).isNull();
        assertThatThrownBy(message::readObject).isExactlyInstanceOf(MessageEOFException.class);
    }

    @Test
    void readBytesReadsAFieldInPiecesThenMovesOn() throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        message.writeString("next");
        message.reset();

        byte[] buffer = new byte[4];
        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(message::readString).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(message::readObject).isExactlyInstanceOf(MessageFormatException.class);
        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(5, 6, 7, 8);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer[0]).isEqualTo((byte) 9);
        assertThat(buffer[1]).isEqualTo((byte) 10);
        assertThat(message.readString()).isEqualTo("next");
    }

    @Test
    void readBytesOfAnExactMultipleEndsWithMinusOne() throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4}, 0, 4);
        message.writeInt(5);
        message.reset();
        byte[] buffer = new byte[2];
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(3, 4);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        assertThat(message.readInt()).isEqualTo(5);
    }

    @Test
    void readBytesOfNullAndEmptyFields() throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        message.writeBytes(null);
        message.writeBytes(new byte[0]);
        message.writeBytes(new byte[] {1, 2, 3}, 1, 1);
        message.reset();
        assertThat(message.readBytes(new byte[4])).isEqualTo(-1);
        assertThat(message.readBytes(new byte[4])).isZero();
        byte[] buffer = new byte[4];
        assertThat(message.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 2);
        assertThatThrownBy(() -> message.readBytes(buffer)).isExactlyInstanceOf(MessageEOFException.class);
    }

    @Test
    void readObjectReturnsCopiesOfBytes() throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        byte[] value = {1, 2};
        message.writeBytes(value);
        value[0] = 9;
        message.reset();
        byte[] first = (byte[]) message.readObject();
        first[1] = 9;
        message.reset();
        assertThat((byte[]) message.readObject()).containsExactly(1, 2);
    }

    @Test
    void writeOnlyUntilResetThenReadOnly() throws JMSException {
        HakeStreamMessage message = new HakeStreamMessage();
        message.writeInt(1);
        assertThatThrownBy(message::readInt).isExactlyInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isExactlyInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThatThrownBy(() -> message.writeInt(2)).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.writeObject(null)).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThat(message.readInt()).isEqualTo(1);
        assertThatThrownBy(message::readInt).isExactlyInstanceOf(MessageEOFException.class);

        message.clearBody();
        message.writeInt(3);
        message.reset();
        assertThat(message.readInt()).isEqualTo(3);
    }

    @Test
    void writeObjectRefusesOtherTypes() {
        HakeStreamMessage message = new HakeStreamMessage();
        assertThatThrownBy(() -> message.writeObject(new Object())).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.writeObject(new int[1])).isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void getBodyIsRefusedEvenWhenEmpty() {
        HakeStreamMessage message = new HakeStreamMessage();
        assertThatThrownBy(() -> message.getBody(Object.class)).isExactlyInstanceOf(MessageFormatException.class);
        assertThat(isAssignable(message, Object.class)).isFalse();
    }

    private static boolean isAssignable(StreamMessage message, Class<?> type) {
        return (Boolean) PropertyConversionTest.rethrowing(() -> message.isBodyAssignableTo(type));
    }
}
