package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import dev.hake.jms.HakeQueue;
import dev.hake.jms.HakeTopic;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** toWireForSend() then fromWire(): every body type, empty and null bodies, and snapshot isolation. */
class RoundTripTest {

    private static HakeMessage roundTrip(HakeMessage sent) {
        return HakeMessage.fromWire(sent.toWireForSend(), TrustedClasses.defaults());
    }

    @Test
    void headersAndPropertiesSurvive() throws JMSException {
        HakeMessage sent = new HakeMessage();
        sent.setJMSMessageID("ID:abc");
        sent.setJMSTimestamp(1000L);
        sent.setJMSCorrelationID("corr-1");
        sent.setJMSReplyTo(new HakeTopic("replies"));
        sent.setJMSDestination(new HakeQueue("orders"));
        sent.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        sent.setJMSType("kind");
        sent.setJMSExpiration(5000L);
        sent.setJMSPriority(7);
        sent.setJMSDeliveryTime(2000L);
        sent.setBooleanProperty("b", true);
        sent.setByteProperty("y", (byte) 1);
        sent.setShortProperty("s", (short) 2);
        sent.setIntProperty("i", 3);
        sent.setLongProperty("l", 4L);
        sent.setFloatProperty("f", 5f);
        sent.setDoubleProperty("d", 6d);
        sent.setStringProperty("t", "seven");

        Message received = roundTrip(sent);
        assertThat(received).isExactlyInstanceOf(HakeMessage.class);
        assertThat(received.getJMSMessageID()).isEqualTo("ID:abc");
        assertThat(received.getJMSTimestamp()).isEqualTo(1000L);
        assertThat(received.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(received.getJMSReplyTo()).isEqualTo(new HakeTopic("replies"));
        assertThat(received.getJMSDestination()).isEqualTo(new HakeQueue("orders"));
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSType()).isEqualTo("kind");
        assertThat(received.getJMSExpiration()).isEqualTo(5000L);
        assertThat(received.getJMSPriority()).isEqualTo(7);
        assertThat(received.getJMSDeliveryTime()).isEqualTo(2000L);
        assertThat(received.getJMSRedelivered()).isFalse();
        for (String name : List.of("b", "y", "s", "i", "l", "f", "d", "t")) {
            assertThat(received.getObjectProperty(name)).isEqualTo(sent.getObjectProperty(name));
        }
    }

    @Test
    void text() throws JMSException {
        assertThat(((TextMessage) roundTrip(new HakeTextMessage("hi"))).getText()).isEqualTo("hi");
        assertThat(((TextMessage) roundTrip(new HakeTextMessage(""))).getText()).isEmpty();
        assertThat(((TextMessage) roundTrip(new HakeTextMessage())).getText()).isNull();
    }

    @Test
    void bytesIncludingWritesStillPending() throws JMSException {
        HakeBytesMessage sent = new HakeBytesMessage();
        sent.writeInt(42);
        // Not reset: the snapshot must still carry what was written.
        BytesMessage received = (BytesMessage) roundTrip(sent);
        assertThat(received.getBodyLength()).isEqualTo(4);
        assertThat(received.readInt()).isEqualTo(42);

        BytesMessage empty = (BytesMessage) roundTrip(new HakeBytesMessage());
        assertThat(empty.getBodyLength()).isZero();
        assertThat(empty.readBytes(new byte[1])).isEqualTo(-1);
    }

    @Test
    void map() throws JMSException {
        HakeMapMessage sent = new HakeMapMessage();
        sent.setString("s", "v");
        sent.setBytes("b", new byte[] {1});
        sent.setChar("c", 'x');
        sent.setObject("n", null);
        MapMessage received = (MapMessage) roundTrip(sent);
        assertThat(received.getString("s")).isEqualTo("v");
        assertThat(received.getBytes("b")).containsExactly(1);
        assertThat(received.getChar("c")).isEqualTo('x');
        assertThat(received.itemExists("n")).isTrue();

        MapMessage empty = (MapMessage) roundTrip(new HakeMapMessage());
        assertThat(empty.getMapNames().hasMoreElements()).isFalse();
    }

    @Test
    void stream() throws JMSException {
        HakeStreamMessage sent = new HakeStreamMessage();
        sent.writeLong(1L);
        sent.writeObject(null);
        sent.writeBytes(new byte[] {2});
        StreamMessage received = (StreamMessage) roundTrip(sent);
        assertThat(received.readLong()).isEqualTo(1L);
        assertThat(received.readObject()).isNull();
        assertThat((byte[]) received.readObject()).containsExactly(2);

        StreamMessage empty = (StreamMessage) roundTrip(new HakeStreamMessage());
        assertThat(catching(empty::readObject)).isExactlyInstanceOf(jakarta.jms.MessageEOFException.class);
    }

    @Test
    void object() throws JMSException {
        assertThat(((ObjectMessage) roundTrip(new HakeObjectMessage(new java.util.ArrayList<>(List.of(1, 2))))).getObject()).isEqualTo(List.of(1, 2));
        assertThat(((ObjectMessage) roundTrip(new HakeObjectMessage())).getObject()).isNull();
    }

    @Test
    void wireMessageWithoutBodyValuesReadsAsEmpty() throws JMSException {
        // The codec may hand over a kind with no body value: each type then reads as its empty body.
        assertThat(((BytesMessage) HakeMessage.fromWire(new WireMessage(BodyKind.BYTES), TrustedClasses.defaults()))
                .getBodyLength()).isZero();
        assertThat(((MapMessage) HakeMessage.fromWire(new WireMessage(BodyKind.MAP), TrustedClasses.defaults()))
                .getMapNames().hasMoreElements()).isFalse();
        StreamMessage stream = (StreamMessage) HakeMessage.fromWire(new WireMessage(BodyKind.STREAM), TrustedClasses.defaults());
        assertThat(catching(stream::readObject)).isExactlyInstanceOf(jakarta.jms.MessageEOFException.class);
        assertThat(((TextMessage) HakeMessage.fromWire(new WireMessage(BodyKind.TEXT), TrustedClasses.defaults()))
                .getText()).isNull();
    }

    @Test
    void snapshotIsUnaffectedByLaterChanges() throws JMSException {
        HakeBytesMessage bytes = new HakeBytesMessage();
        bytes.writeByte((byte) 1);
        WireMessage bytesSent = bytes.toWireForSend();
        bytes.writeByte((byte) 2);
        assertThat(bytesSent.bytes()).containsExactly(1);
        assertThat(bytes.toWireForSend().bytes()).containsExactly(1, 2);

        HakeMapMessage map = new HakeMapMessage();
        map.setBytes("b", new byte[] {1});
        WireMessage mapSent = map.toWireForSend();
        map.setInt("i", 2);
        map.clearBody();
        assertThat(mapSent.map()).containsOnlyKeys("b");

        HakeStreamMessage stream = new HakeStreamMessage();
        stream.writeInt(1);
        WireMessage streamSent = stream.toWireForSend();
        stream.writeInt(2);
        assertThat(streamSent.stream()).containsExactly(1);

        HakeTextMessage text = new HakeTextMessage("before");
        text.setStringProperty("p", "before");
        text.setJMSType("before");
        WireMessage textSent = text.toWireForSend();
        text.setText("after");
        text.setStringProperty("p", "after");
        text.setJMSType("after");
        assertThat(textSent.text()).isEqualTo("before");
        assertThat(textSent.properties()).containsEntry("p", "before");
        assertThat(textSent.type()).isEqualTo("before");
    }

    @Test
    void receivedWireIsTakenOverButResendIsACopy() throws JMSException {
        HakeMapMessage sent = new HakeMapMessage();
        sent.setInt("i", 1);
        HakeMessage received = roundTrip(sent);
        WireMessage resent = received.toWireForSend();
        received.clearBody();
        ((MapMessage) received).setInt("i", 2);
        assertThat(resent.map()).containsEntry("i", 1);
    }

    @FunctionalInterface
    interface Call {
        Object call() throws Exception;
    }

    private static Throwable catching(Call call) {
        try {
            call.call();
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
