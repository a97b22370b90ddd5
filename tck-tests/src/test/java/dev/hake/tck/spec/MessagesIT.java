package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, chapter 3 "Jakarta Messaging message model", on the message body (3.10,
 * 3.11) and on messages of other providers (3.12): the six message types round-trip with their
 * bodies, the read-only and write-only rules, and what {@code clearBody}, {@code clearProperties}
 * and {@code getBody} do.
 */
class MessagesIT extends RoundTripTest {

    private static final byte[] BYTES = {0, 1, -1, 127, -128, 42};

    @Test
    void aMessageWithoutABodyRoundTrips() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("kind", "bare");

        Message received = roundTrip(message);

        assertThat(received).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                StreamMessage.class, ObjectMessage.class);
        assertThat(received.getStringProperty("kind")).isEqualTo("bare");
        assertThat(received.getBody(Object.class)).isNull();
        assertThat(received.isBodyAssignableTo(String.class)).isTrue();
    }

    @Test
    void textMessagesRoundTripAnyText() throws Exception {
        String[] texts = {
            "plain ASCII",
            "",
            "ünïcödé 日本語 ✓ 😀",
            "control \u0000 \u0001 \u001f and non-characters \uFFFE \uFFFF",
            "  leading and trailing white space \n\t ",
            "x".repeat(100_000),
        };
        for (String text : texts) {
            assertThat(roundTrip(session.createTextMessage(text)).getText()).isEqualTo(text);
        }
    }

    @Test
    void aTextMessageWithoutTextRoundTripsAsNull() throws Exception {
        TextMessage received = roundTrip(session.createTextMessage());

        assertThat(received.getText()).isNull();
        assertThat(received.getBody(String.class)).isNull();
    }

    @Test
    void bytesMessagesRoundTripEveryPrimitive() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeBoolean(true);
        message.writeByte((byte) -7);
        message.writeByte((byte) 200);
        message.writeShort((short) -12345);
        message.writeShort((short) 60000);
        message.writeChar('Ω');
        message.writeInt(Integer.MIN_VALUE);
        message.writeLong(Long.MAX_VALUE);
        message.writeFloat(3.25f);
        message.writeDouble(-Math.PI);
        message.writeUTF("utf ✓");
        message.writeBytes(BYTES);
        message.writeBytes(BYTES, 1, 3);
        message.writeObject(Integer.valueOf(99));

        BytesMessage received = roundTrip(message);

        assertThat(received.readBoolean()).isTrue();
        assertThat(received.readByte()).isEqualTo((byte) -7);
        assertThat(received.readUnsignedByte()).isEqualTo(200);
        assertThat(received.readShort()).isEqualTo((short) -12345);
        assertThat(received.readUnsignedShort()).isEqualTo(60000);
        assertThat(received.readChar()).isEqualTo('Ω');
        assertThat(received.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(received.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(received.readFloat()).isEqualTo(3.25f);
        assertThat(received.readDouble()).isEqualTo(-Math.PI);
        assertThat(received.readUTF()).isEqualTo("utf ✓");
        byte[] all = new byte[BYTES.length];
        assertThat(received.readBytes(all)).isEqualTo(BYTES.length);
        assertThat(all).isEqualTo(BYTES);
        byte[] part = new byte[3];
        assertThat(received.readBytes(part, 3)).isEqualTo(3);
        assertThat(part).containsExactly(1, -1, 127);
        assertThat(received.readInt()).isEqualTo(99);
        assertThat(received.readBytes(new byte[4])).isEqualTo(-1);
        assertThatThrownBy(received::readByte).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aBytesMessageBodyIsItsBytes() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(BYTES);

        BytesMessage received = roundTrip(message);

        assertThat(received.getBodyLength()).isEqualTo(BYTES.length);
        assertThat(received.getBody(byte[].class)).isEqualTo(BYTES);
        assertThat(received.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(received.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        // getBody does not move the read position.
        byte[] read = new byte[BYTES.length];
        assertThat(received.readBytes(read)).isEqualTo(BYTES.length);
        assertThat(read).isEqualTo(BYTES);
    }

    @Test
    void mapMessagesRoundTripEveryType() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setBoolean("boolean", true);
        message.setByte("byte", (byte) -1);
        message.setShort("short", (short) 300);
        message.setChar("char", 'z');
        message.setInt("int", 70_000);
        message.setLong("long", 1L << 40);
        message.setFloat("float", 1.5f);
        message.setDouble("double", 2.75);
        message.setString("string", "text ✓");
        message.setString("null", null);
        message.setBytes("bytes", BYTES);
        message.setBytes("slice", BYTES, 2, 2);
        message.setObject("object", Long.valueOf(5));

        MapMessage received = roundTrip(message);

        assertThat(Collections.list(received.getMapNames())).containsExactlyInAnyOrder("boolean", "byte", "short",
                "char", "int", "long", "float", "double", "string", "null", "bytes", "slice", "object");
        assertThat(received.getBoolean("boolean")).isTrue();
        assertThat(received.getByte("byte")).isEqualTo((byte) -1);
        assertThat(received.getShort("short")).isEqualTo((short) 300);
        assertThat(received.getChar("char")).isEqualTo('z');
        assertThat(received.getInt("int")).isEqualTo(70_000);
        assertThat(received.getLong("long")).isEqualTo(1L << 40);
        assertThat(received.getFloat("float")).isEqualTo(1.5f);
        assertThat(received.getDouble("double")).isEqualTo(2.75);
        assertThat(received.getString("string")).isEqualTo("text ✓");
        assertThat(received.itemExists("null")).isTrue();
        assertThat(received.getString("null")).isNull();
        assertThat(received.getBytes("bytes")).isEqualTo(BYTES);
        assertThat(received.getBytes("slice")).containsExactly(-1, 127);
        assertThat(received.getObject("object")).isEqualTo(5L);
        assertThat(received.getObject("int")).isInstanceOf(Integer.class);
        assertThat(received.getObject("char")).isEqualTo('z');
        assertThat(received.getObject("bytes")).isInstanceOf(byte[].class);
        assertThat(received.itemExists("missing")).isFalse();

        @SuppressWarnings("unchecked")
        Map<String, Object> body = received.getBody(Map.class);
        assertThat(body).hasSize(13).containsEntry("int", 70_000).containsEntry("string", "text ✓");
    }

    @Test
    void streamMessagesRoundTripEveryTypeInOrder() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeBoolean(false);
        message.writeByte((byte) 9);
        message.writeShort((short) -2);
        message.writeChar('c');
        message.writeInt(123_456);
        message.writeLong(-1L);
        message.writeFloat(0.5f);
        message.writeDouble(1e300);
        message.writeString("stream ✓");
        message.writeString(null);
        message.writeBytes(BYTES);
        message.writeBytes(BYTES, 0, 2);
        message.writeObject(Short.valueOf((short) 7));

        StreamMessage received = roundTrip(message);

        assertThat(received.readBoolean()).isFalse();
        assertThat(received.readByte()).isEqualTo((byte) 9);
        assertThat(received.readShort()).isEqualTo((short) -2);
        assertThat(received.readChar()).isEqualTo('c');
        assertThat(received.readInt()).isEqualTo(123_456);
        assertThat(received.readLong()).isEqualTo(-1L);
        assertThat(received.readFloat()).isEqualTo(0.5f);
        assertThat(received.readDouble()).isEqualTo(1e300);
        assertThat(received.readString()).isEqualTo("stream ✓");
        assertThat(received.readObject()).isNull();
        assertThat(received.readObject()).isEqualTo(BYTES);
        assertThat(received.readObject()).isEqualTo(new byte[] {0, 1});
        assertThat(received.readObject()).isEqualTo((short) 7);
        assertThatThrownBy(received::readObject).isInstanceOf(MessageEOFException.class);
        // A StreamMessage has no body getBody can return.
        assertThat(received.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aStreamByteArrayFieldIsReadInChunks() throws Exception {
        StreamMessage message = session.createStreamMessage();
        byte[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        message.writeBytes(ten);
        message.writeBytes(new byte[] {11, 12, 13, 14});
        message.writeInt(15);
        message.reset();

        byte[] buffer = new byte[4];
        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(1, 2, 3, 4);
        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(5, 6, 7, 8);
        assertThat(message.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer[0]).isEqualTo((byte) 9);
        assertThat(buffer[1]).isEqualTo((byte) 10);
        // Fewer bytes than the buffer holds ended that field.
        // A field exactly as long as the buffer: the whole of it, then -1.
        assertThat(message.readBytes(buffer)).isEqualTo(4);
        assertThat(buffer).containsExactly(11, 12, 13, 14);
        assertThat(message.readBytes(buffer)).isEqualTo(-1);
        assertThat(message.readInt()).isEqualTo(15);
    }

    @Test
    void objectMessagesRoundTripASerializableObject() throws Exception {
        HashMap<String, Object> order = new HashMap<>();
        order.put("id", 17);
        order.put("items", new ArrayList<>(List.of("tea", "cake")));
        ObjectMessage message = session.createObjectMessage(order);

        ObjectMessage received = roundTrip(message);

        assertThat(received.getObject()).isEqualTo(order).isNotSameAs(order);
        assertThat(received.getBody(Serializable.class)).isEqualTo(order);
        assertThat(received.getBody(Map.class)).isEqualTo(order);
        assertThat(received.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(received.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void anObjectMessageWithoutAnObjectRoundTripsAsNull() throws Exception {
        ObjectMessage received = roundTrip(session.createObjectMessage());

        assertThat(received.getObject()).isNull();
        assertThat(received.getBody(Serializable.class)).isNull();
    }

    @Test
    void getBodyGivesTheBodyAsTheAskedTypeOrRefusesWithMessageFormatException() throws Exception {
        TextMessage text = roundTrip(session.createTextMessage("body"));
        assertThat(text.getBody(String.class)).isEqualTo("body");
        assertThat(text.getBody(CharSequence.class)).isEqualTo("body");
        assertThat(text.isBodyAssignableTo(String.class)).isTrue();
        assertThat(text.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> text.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);

        MapMessage map = session.createMapMessage();
        map.setInt("n", 1);
        MapMessage receivedMap = roundTrip(map);
        assertThat(receivedMap.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(receivedMap.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> receivedMap.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void everyTypeRoundTripsThroughATopic() throws Exception {
        Topic topic = session.createTopic("bodies");
        MessageConsumer subscriber = session.createConsumer(topic);
        MessageProducer publisher = session.createProducer(topic);
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(BYTES);
        MapMessage map = session.createMapMessage();
        map.setDouble("d", 0.25);
        StreamMessage stream = session.createStreamMessage();
        stream.writeLong(77);
        stream.writeString("s");
        Message[] sent = {session.createMessage(), session.createTextMessage("t ✓"), bytes, map, stream,
            session.createObjectMessage(new ArrayList<>(List.of(1, 2)))};
        for (Message m : sent) {
            m.setStringProperty("kind", m.getClass().getSimpleName());
            publisher.send(m);
        }

        List<Message> received = receive(subscriber, sent.length);

        int checked = 0;
        for (Message m : received) {
            if (m instanceof TextMessage t) {
                assertThat(t.getText()).isEqualTo("t ✓");
            } else if (m instanceof BytesMessage b) {
                assertThat(b.getBody(byte[].class)).isEqualTo(BYTES);
            } else if (m instanceof MapMessage mm) {
                assertThat(mm.getDouble("d")).isEqualTo(0.25);
            } else if (m instanceof StreamMessage s) {
                assertThat(s.readLong()).isEqualTo(77);
                assertThat(s.readString()).isEqualTo("s");
            } else if (m instanceof ObjectMessage o) {
                assertThat(o.getObject()).isEqualTo(List.of(1, 2));
            } else {
                assertThat(m.getBody(Object.class)).isNull();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(6);
        assertThat(received.stream().filter(TextMessage.class::isInstance)).hasSize(1);
        assertThat(received.stream().filter(BytesMessage.class::isInstance)).hasSize(1);
        assertThat(received.stream().filter(MapMessage.class::isInstance)).hasSize(1);
        assertThat(received.stream().filter(StreamMessage.class::isInstance)).hasSize(1);
        assertThat(received.stream().filter(ObjectMessage.class::isInstance)).hasSize(1);
    }

    @Test
    void theBodyOfAReceivedMessageIsReadOnly() throws Exception {
        TextMessage text = roundTrip(session.createTextMessage("t"));
        BytesMessage bytes = roundTrip(session.createBytesMessage());
        MapMessage map = roundTrip(session.createMapMessage());
        StreamMessage stream = roundTrip(session.createStreamMessage());
        ObjectMessage object = roundTrip(session.createObjectMessage("o"));

        assertThatThrownBy(() -> text.setText("u")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> bytes.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> bytes.writeBytes(BYTES)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> map.setString("k", "v")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> map.setBytes("k", BYTES)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> stream.writeString("s")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> stream.writeObject(1)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> object.setObject("p")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void thePropertiesOfAReceivedMessageAreReadOnlyUntilClearProperties() throws Exception {
        TextMessage message = session.createTextMessage("props");
        message.setStringProperty("before", "x");
        message.setJMSCorrelationID("corr");
        TextMessage received = roundTrip(message);

        assertThatThrownBy(() -> received.setStringProperty("after", "y")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> received.setIntProperty("after", 1)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> received.setObjectProperty("after", 1L)).isInstanceOf(MessageNotWriteableException.class);

        received.clearProperties();

        assertThat(received.getStringProperty("before")).isNull();
        assertThat(received.propertyExists("before")).isFalse();
        assertThat(received.getJMSCorrelationID()).as("headers are not properties").isEqualTo("corr");
        received.setStringProperty("after", "y");
        assertThat(received.getStringProperty("after")).isEqualTo("y");
        // The body stays read-only.
        assertThatThrownBy(() -> received.setText("changed")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void clearBodyMakesAReceivedBodyWritableAndEmptyButKeepsPropertiesReadOnly() throws Exception {
        TextMessage text = session.createTextMessage("old");
        text.setStringProperty("p", "v");
        TextMessage receivedText = roundTrip(text);
        receivedText.clearBody();
        assertThat(receivedText.getText()).isNull();
        receivedText.setText("new");
        assertThat(receivedText.getText()).isEqualTo("new");
        assertThat(receivedText.getStringProperty("p")).isEqualTo("v");
        assertThatThrownBy(() -> receivedText.setStringProperty("p", "w")).isInstanceOf(MessageNotWriteableException.class);

        MapMessage map = session.createMapMessage();
        map.setInt("gone", 1);
        MapMessage receivedMap = roundTrip(map);
        receivedMap.clearBody();
        assertThat(Collections.list(receivedMap.getMapNames())).isEmpty();
        receivedMap.setInt("new", 2);
        assertThat(receivedMap.getInt("new")).isEqualTo(2);

        ObjectMessage receivedObject = roundTrip(session.createObjectMessage("old"));
        receivedObject.clearBody();
        assertThat(receivedObject.getObject()).isNull();
        receivedObject.setObject("new");
        assertThat(receivedObject.getObject()).isEqualTo("new");
    }

    @Test
    void clearBodyPutsBytesAndStreamMessagesIntoWriteOnlyMode() throws Exception {
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeInt(1);
        BytesMessage receivedBytes = roundTrip(bytes);
        receivedBytes.clearBody();
        assertThatThrownBy(receivedBytes::readInt).isInstanceOf(MessageNotReadableException.class);
        receivedBytes.writeInt(2);
        receivedBytes.reset();
        assertThat(receivedBytes.readInt()).isEqualTo(2);

        StreamMessage stream = session.createStreamMessage();
        stream.writeInt(1);
        StreamMessage receivedStream = roundTrip(stream);
        receivedStream.clearBody();
        assertThatThrownBy(receivedStream::readInt).isInstanceOf(MessageNotReadableException.class);
        receivedStream.writeInt(2);
        receivedStream.reset();
        assertThat(receivedStream.readInt()).isEqualTo(2);
        assertThatThrownBy(receivedStream::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void newBytesAndStreamMessagesAreWriteOnlyUntilReset() throws Exception {
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeInt(5);
        assertThatThrownBy(bytes::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(bytes::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        bytes.reset();
        assertThat(bytes.getBodyLength()).isEqualTo(4);
        assertThat(bytes.readInt()).isEqualTo(5);
        assertThatThrownBy(() -> bytes.writeInt(6)).isInstanceOf(MessageNotWriteableException.class);

        StreamMessage stream = session.createStreamMessage();
        stream.writeString("s");
        assertThatThrownBy(stream::readString).isInstanceOf(MessageNotReadableException.class);
        stream.reset();
        assertThat(stream.readString()).isEqualTo("s");
        assertThatThrownBy(() -> stream.writeString("t")).isInstanceOf(MessageNotWriteableException.class);
        // reset again starts reading from the beginning.
        stream.reset();
        assertThat(stream.readString()).isEqualTo("s");
    }

    @Test
    void clearPropertiesRemovesUserPropertiesOnly() throws Exception {
        Message message = session.createMessage();
        message.setIntProperty("n", 1);
        message.setJMSType("typed");
        message.setJMSCorrelationID("corr");

        message.clearProperties();

        assertThat(Collections.list(message.getPropertyNames())).isEmpty();
        assertThat(message.propertyExists("n")).isFalse();
        assertThat(message.getJMSType()).isEqualTo("typed");
        assertThat(message.getJMSCorrelationID()).isEqualTo("corr");
    }

    @Test
    void valuesOfUnsupportedTypesAreRefusedWithMessageFormatException() throws Exception {
        BytesMessage bytes = session.createBytesMessage();
        StreamMessage stream = session.createStreamMessage();
        MapMessage map = session.createMapMessage();
        Message message = session.createMessage();

        assertThatThrownBy(() -> bytes.writeObject(new ArrayList<>())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> stream.writeObject(new ArrayList<>())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> map.setObject("k", new ArrayList<>())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("k", new ArrayList<>())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("k", 'c')).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("k", new byte[1])).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void mapNamesMustNotBeNullOrEmpty() throws Exception {
        MapMessage map = session.createMapMessage();

        assertThatThrownBy(() -> map.setString(null, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.setInt("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.setObject("", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesMessageReadsPastTheEndThrowMessageEofException() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeShort((short) 1);
        BytesMessage received = roundTrip(message);

        assertThatThrownBy(received::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aMessageImplementedByAnotherProviderIsAccepted() throws Exception {
        TextMessage foreign = foreignTextMessage("from elsewhere");
        foreign.setStringProperty("origin", "foreign");
        foreign.setIntProperty("n", 3);
        foreign.setJMSCorrelationID("foreign-corr");
        foreign.setJMSType("foreign-type");

        producer.send(foreign);

        // The send sets the headers on the message it was given, whoever implemented it.
        assertThat(foreign.getJMSMessageID()).startsWith("ID:");
        assertThat(foreign.getJMSDestination()).isEqualTo(queue);
        Message received = consumer.receive(WAIT);
        assertThat(text(received)).isEqualTo("from elsewhere");
        assertThat(received.getJMSMessageID()).isEqualTo(foreign.getJMSMessageID());
        assertThat(received.getStringProperty("origin")).isEqualTo("foreign");
        assertThat(received.getIntProperty("n")).isEqualTo(3);
        assertThat(received.getJMSCorrelationID()).isEqualTo("foreign-corr");
        assertThat(received.getJMSType()).isEqualTo("foreign-type");
    }

    /**
     * A {@code TextMessage} of some other provider: a dynamic proxy that keeps what is set on it
     * and gives it back, with no conversions.
     */
    private static TextMessage foreignTextMessage(String text) {
        Map<String, Object> headers = new HashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        Object[] body = {text};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            Object result = null;
            switch (name) {
                case "getText", "getBody" -> result = body[0];
                case "setText" -> body[0] = args[0];
                case "clearBody" -> body[0] = null;
                case "getPropertyNames" -> result = Collections.enumeration(new ArrayList<>(properties.keySet()));
                case "propertyExists" -> result = properties.containsKey((String) args[0]);
                case "clearProperties" -> properties.clear();
                case "isBodyAssignableTo" -> result = ((Class<?>) args[0]).isAssignableFrom(String.class);
                case "acknowledge" -> { }
                case "toString" -> result = "a foreign TextMessage";
                case "hashCode" -> result = System.identityHashCode(proxy);
                case "equals" -> result = proxy == args[0];
                default -> {
                    if (name.startsWith("setJMS")) {
                        headers.put(name.substring(3), args[0]);
                    } else if (name.startsWith("getJMS")) {
                        result = headers.get(name.substring(3));
                    } else if (name.startsWith("set") && name.endsWith("Property")) {
                        properties.put((String) args[0], args[1]);
                    } else if (name.startsWith("get") && name.endsWith("Property")) {
                        result = properties.get((String) args[0]);
                    } else {
                        throw new UnsupportedOperationException(name);
                    }
                }
            }
            Class<?> type = method.getReturnType();
            if (result == null && type.isPrimitive() && type != void.class) {
                result = Array.get(Array.newInstance(type, 1), 0);
            }
            return result;
        };
        return (TextMessage) Proxy.newProxyInstance(MessagesIT.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, handler);
    }

    @Test
    void aSentMessageObjectCanBeChangedAndSentAgainWithoutChangingTheFirst() throws Exception {
        MapMessage map = session.createMapMessage();
        map.setString("version", "one");
        producer.send(map);
        map.setString("version", "two");
        producer.send(map);

        List<String> versions = new ArrayList<>();
        for (Message m : receive(consumer, 2)) {
            versions.add(((MapMessage) m).getString("version"));
        }
        assertThat(versions).containsExactlyInAnyOrder("one", "two");
    }
}
