package dev.hake.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.jms.HakeQueue;
import dev.hake.jms.HakeTopic;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages of another provider, built as proxies that answer the JMS getters from maps. */
class ForeignMessageTest {

    /** State of one foreign message; the proxy reads it. */
    static final class Foreign {
        final Map<String, Object> headers = new HashMap<>();
        final Map<String, Object> properties = new LinkedHashMap<>();
        Object body;
        int position;
        int resets;

        <T extends Message> T as(Class<T> type) {
            return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> answer(method.getName(), args)));
        }

        @SuppressWarnings("unchecked")
        private Object answer(String method, Object[] args) throws JMSException {
            switch (method) {
                case "getPropertyNames":
                    return Collections.enumeration(properties.keySet());
                case "getObjectProperty":
                    return properties.get((String) args[0]);
                case "getText", "getObject":
                    return args == null ? body : ((Map<String, Object>) body).get((String) args[0]);
                case "getMapNames":
                    return Collections.enumeration(((Map<String, Object>) body).keySet());
                case "reset":
                    position = 0;
                    resets++;
                    return null;
                case "getBodyLength":
                    return (long) ((byte[]) body).length;
                case "readBytes": {
                    // Hands out at most two bytes per call, as a provider may.
                    byte[] all = (byte[]) body;
                    if (position >= all.length) {
                        return -1;
                    }
                    int n = Math.min(Math.min(2, (Integer) args[1]), all.length - position);
                    System.arraycopy(all, position, (byte[]) args[0], 0, n);
                    position += n;
                    return n;
                }
                case "readObject": {
                    List<Object> values = (List<Object>) body;
                    if (position >= values.size()) {
                        throw new MessageEOFException("end");
                    }
                    return values.get(position++);
                }
                case "hashCode":
                    return System.identityHashCode(this);
                case "equals":
                    return false;
                case "toString":
                    return "foreign message";
                default:
                    if (method.startsWith("getJMS")) {
                        return headers.get(method.substring(3));
                    }
                    throw new UnsupportedOperationException(method);
            }
        }
    }

    private static Foreign withHeaders() {
        Foreign f = new Foreign();
        f.headers.put("JMSMessageID", "ID:foreign-1");
        f.headers.put("JMSTimestamp", 100L);
        f.headers.put("JMSCorrelationID", "corr");
        f.headers.put("JMSReplyTo", HeadersTest.foreign(Queue.class, "getQueueName", "replies"));
        f.headers.put("JMSDestination", HeadersTest.foreign(Topic.class, "getTopicName", "events"));
        f.headers.put("JMSDeliveryMode", DeliveryMode.NON_PERSISTENT);
        f.headers.put("JMSRedelivered", false);
        f.headers.put("JMSType", "kind");
        f.headers.put("JMSExpiration", 300L);
        f.headers.put("JMSPriority", 8);
        f.headers.put("JMSDeliveryTime", 200L);
        f.properties.put("color", "red");
        f.properties.put("count", 3);
        f.properties.put("ratio", 0.5d);
        f.properties.put("JMSXGroupID", "g");
        f.properties.put("JMSXDeliveryCount", 4);
        f.properties.put("JMSXUserID", "someone");
        return f;
    }

    @Test
    void copiesHeadersAndPropertiesOfAPlainMessage() throws JMSException {
        HakeMessage copy = HakeMessage.copyOf(withHeaders().as(Message.class));

        assertThat(copy).isExactlyInstanceOf(HakeMessage.class);
        assertThat(copy.getJMSMessageID()).isEqualTo("ID:foreign-1");
        assertThat(copy.getJMSTimestamp()).isEqualTo(100L);
        assertThat(copy.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(copy.getJMSReplyTo()).isEqualTo(new HakeQueue("replies"));
        assertThat(copy.getJMSDestination()).isEqualTo(new HakeTopic("events"));
        assertThat(copy.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(copy.getJMSType()).isEqualTo("kind");
        assertThat(copy.getJMSExpiration()).isEqualTo(300L);
        assertThat(copy.getJMSPriority()).isEqualTo(8);
        assertThat(copy.getJMSDeliveryTime()).isEqualTo(200L);
        assertThat(Collections.list(copy.getPropertyNames())).containsExactly("color", "count", "ratio", "JMSXGroupID");
        assertThat(copy.getObjectProperty("count")).isEqualTo(3);
        assertThat(copy.getDoubleProperty("ratio")).isEqualTo(0.5d);
        // A copy is a new, writable message.
        copy.setStringProperty("color", "blue");
        assertThat(copy.getStringProperty("color")).isEqualTo("blue");
    }

    @Test
    void bytesCorrelationIdIsUsedWhenThereIsNoString() throws JMSException {
        Foreign f = withHeaders();
        f.headers.put("JMSCorrelationID", null);
        f.headers.put("JMSCorrelationIDAsBytes", new byte[] {(byte) 0xFE, 1});
        HakeMessage copy = HakeMessage.copyOf(f.as(Message.class));
        assertThat(copy.getJMSCorrelationIDAsBytes()).containsExactly(0xFE, 1);
    }

    @Test
    void text() throws JMSException {
        Foreign f = withHeaders();
        f.body = "hello";
        HakeMessage copy = HakeMessage.copyOf(f.as(TextMessage.class));
        assertThat(copy).isExactlyInstanceOf(HakeTextMessage.class);
        assertThat(((TextMessage) copy).getText()).isEqualTo("hello");
        ((TextMessage) copy).setText("writable");
    }

    @Test
    void bytesReadInPiecesUntilTheDeclaredLength() throws JMSException {
        Foreign f = withHeaders();
        f.body = new byte[] {1, 2, 3, 4, 5};
        f.position = 3; // mid-read: the copy resets first
        HakeMessage copy = HakeMessage.copyOf(f.as(BytesMessage.class));
        assertThat(copy).isExactlyInstanceOf(HakeBytesMessage.class);
        assertThat(copy.toWireForSend().bytes()).containsExactly(1, 2, 3, 4, 5);
        assertThat(f.resets).isEqualTo(2);
    }

    @Test
    void map() throws JMSException {
        Foreign f = withHeaders();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("i", 1);
        body.put("b", new byte[] {9});
        body.put("c", 'z');
        body.put("n", null);
        f.body = body;
        MapMessage copy = (MapMessage) HakeMessage.copyOf(f.as(MapMessage.class));
        assertThat(Collections.list(copy.getMapNames())).containsExactly("i", "b", "c", "n");
        assertThat(copy.getInt("i")).isEqualTo(1);
        assertThat(copy.getBytes("b")).containsExactly(9);
        assertThat(copy.getChar("c")).isEqualTo('z');
        assertThat(copy.itemExists("n")).isTrue();
    }

    @Test
    void stream() throws JMSException {
        Foreign f = withHeaders();
        f.body = new ArrayList<>(java.util.Arrays.asList(1, "two", null, new byte[] {3}));
        HakeStreamMessage copy = (HakeStreamMessage) HakeMessage.copyOf(f.as(StreamMessage.class));
        assertThat(copy.toWireForSend().stream()).hasSize(4);
        copy.reset();
        assertThat(copy.readInt()).isEqualTo(1);
        assertThat(copy.readString()).isEqualTo("two");
        assertThat(copy.readObject()).isNull();
        assertThat((byte[]) copy.readObject()).containsExactly(3);
    }

    @Test
    void object() throws JMSException {
        Foreign f = withHeaders();
        f.body = new HashMap<>(Map.of("k", "v"));
        ObjectMessage copy = (ObjectMessage) HakeMessage.copyOf(f.as(ObjectMessage.class));
        assertThat(copy.getObject()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void foreignReplyToThatIsNoQueueOrTopicIsRefused() {
        Foreign f = withHeaders();
        f.headers.put("JMSReplyTo", HeadersTest.foreign(jakarta.jms.Destination.class, "none", null));
        assertThatThrownBy(() -> HakeMessage.copyOf(f.as(Message.class)))
                .isExactlyInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void hakeMessageIsReturnedAsItIs() throws JMSException {
        HakeTextMessage message = new HakeTextMessage("x");
        assertThat(HakeMessage.copyOf(message)).isSameAs(message);
    }
}
