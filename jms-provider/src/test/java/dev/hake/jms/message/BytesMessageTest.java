package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesMessageTest {

    @Test
    void writesThenReadsEveryTypeAfterReset() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeBoolean(true);
        message.writeByte((byte) -2);
        message.writeShort((short) -300);
        message.writeChar('é');
        message.writeInt(-70_000);
        message.writeLong(Long.MIN_VALUE);
        message.writeFloat(1.25f);
        message.writeDouble(-2.5d);
        message.writeUTF("größe");
        message.writeBytes(new byte[] {1, 2, 3});
        message.writeBytes(new byte[] {9, 4, 5, 9}, 1, 2);
        message.writeByte((byte) 0xFF);
        message.writeShort((short) 0xFFFE);
        message.reset();

        assertThat(message.readBoolean()).isTrue();
        assertThat(message.readByte()).isEqualTo((byte) -2);
        assertThat(message.readShort()).isEqualTo((short) -300);
        assertThat(message.readChar()).isEqualTo('é');
        assertThat(message.readInt()).isEqualTo(-70_000);
        assertThat(message.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(message.readFloat()).isEqualTo(1.25f);
        assertThat(message.readDouble()).isEqualTo(-2.5d);
        assertThat(message.readUTF()).isEqualTo("größe");
        byte[] five = new byte[5];
        assertThat(message.readBytes(five, 5)).isEqualTo(5);
        assertThat(five).containsExactly(1, 2, 3, 4, 5);
        assertThat(message.readUnsignedByte()).isEqualTo(255);
        assertThat(message.readUnsignedShort()).isEqualTo(0xFFFE);
        assertThat(message.readBytes(new byte[1])).isEqualTo(-1);
        assertThatThrownBy(message::readByte).isExactlyInstanceOf(MessageEOFException.class);
    }

    @Test
    void bodyLengthCountsTheEncodedBytes() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeInt(1);
        message.writeUTF("ab");
        assertThatThrownBy(message::getBodyLength).isExactlyInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(4 + 2 + 2);
    }

    @Test
    void writeOnlyUntilResetThenReadOnly() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeInt(7);
        assertThatThrownBy(message::readInt).isExactlyInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> message.readBytes(new byte[1])).isExactlyInstanceOf(MessageNotReadableException.class);
        message.reset();
        assertThatThrownBy(() -> message.writeInt(8)).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> message.writeObject("s")).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThat(message.readInt()).isEqualTo(7);
        message.reset();
        assertThat(message.readInt()).isEqualTo(7);
    }

    @Test
    void shortReadAtTheEndFailsWithoutConsuming() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeShort((short) 513);
        message.reset();
        assertThatThrownBy(message::readInt).isExactlyInstanceOf(MessageEOFException.class);
        assertThatThrownBy(message::readLong).isExactlyInstanceOf(MessageEOFException.class);
        assertThat(message.readShort()).isEqualTo((short) 513);
    }

    @Test
    void readBytesFillsThenReturnsTheRestThenMinusOne() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4, 5});
        message.reset();
        byte[] buffer = new byte[3];
        assertThat(message.readBytes(buffer)).isEqualTo(3);
        assertThat(buffer).containsExactly(1, 2, 3);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer[0]).isEqualTo((byte) 4);
        assertThat(buffer[1]).isEqualTo((byte) 5);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
    }

    @Test
    void readBytesWithLength() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4});
        message.reset();
        byte[] buffer = new byte[4];
        assertThat(message.readBytes(buffer, 2)).isEqualTo(2);
        assertThat(buffer).containsExactly(1, 2, 0, 0);
        assertThatThrownBy(() -> message.readBytes(buffer, 5)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> message.readBytes(buffer, -1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
        // Nothing was consumed by the refused calls.
        assertThat(message.readBytes(buffer, 4)).isEqualTo(2);
        assertThat(buffer).containsExactly(3, 4, 0, 0);
        assertThat(message.readBytes(buffer, 4)).isEqualTo(-1);
    }

    @Test
    void writeObjectTakesBoxedPrimitivesStringsAndBytes() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        for (Object value : List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "seven", new byte[] {8})) {
            message.writeObject(value);
        }
        message.reset();
        assertThat(message.readBoolean()).isTrue();
        assertThat(message.readByte()).isEqualTo((byte) 1);
        assertThat(message.readShort()).isEqualTo((short) 2);
        assertThat(message.readChar()).isEqualTo('c');
        assertThat(message.readInt()).isEqualTo(3);
        assertThat(message.readLong()).isEqualTo(4L);
        assertThat(message.readFloat()).isEqualTo(5f);
        assertThat(message.readDouble()).isEqualTo(6d);
        assertThat(message.readUTF()).isEqualTo("seven");
        assertThat(message.readByte()).isEqualTo((byte) 8);
        assertThat(message.getBodyLength()).isEqualTo(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8 + (2 + 5) + 1);
    }

    @Test
    void writeObjectRefusesNullAndOtherTypes() {
        HakeBytesMessage message = new HakeBytesMessage();
        assertThatThrownBy(() -> message.writeObject(null)).isExactlyInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.writeObject(List.of())).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.writeObject(new Object())).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.writeUTF(null)).isExactlyInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.writeBytes(null)).isExactlyInstanceOf(NullPointerException.class);
    }

    @Test
    void clearBodyEmptiesAndMakesWritable() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeInt(1);
        message.reset();
        message.clearBody();
        message.writeByte((byte) 5);
        message.reset();
        assertThat(message.getBodyLength()).isEqualTo(1);
        assertThat(message.readByte()).isEqualTo((byte) 5);
    }

    @Test
    void receivedBodyIsReadableAtOnceAndNotWritable() throws JMSException {
        WireMessage wire = new WireMessage(BodyKind.BYTES);
        wire.bytes(new byte[] {0, 0, 0, 42});
        HakeBytesMessage received = (HakeBytesMessage) HakeMessage.fromWire(wire, TrustedClasses.defaults());
        assertThat(received.getBodyLength()).isEqualTo(4);
        assertThat(received.readInt()).isEqualTo(42);
        assertThatThrownBy(() -> received.writeInt(1)).isExactlyInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void getBodyReadsTheWholeBodyAndResets() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        message.writeBytes(new byte[] {7, 8, 9});
        // Write-only until now; getBody resets before and after, leaving it readable from the start.
        assertThat(message.getBody(byte[].class)).containsExactly(7, 8, 9);
        assertThat(message.readByte()).isEqualTo((byte) 7);
        assertThat(message.getBody(Object.class)).isEqualTo(new byte[] {7, 8, 9});
        assertThat(message.readByte()).isEqualTo((byte) 7);
        assertThat(message.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(message.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(String.class)).isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void emptyBodyIsNoBody() throws JMSException {
        HakeBytesMessage message = new HakeBytesMessage();
        assertThat(message.getBody(String.class)).isNull();
        assertThat(message.isBodyAssignableTo(String.class)).isTrue();
    }
}
