package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.jms.HakeQueue;
import dev.hake.jms.HakeTemporaryQueue;
import dev.hake.jms.HakeTemporaryTopic;
import dev.hake.jms.HakeTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Header fields, destinations, acknowledgement and toString. */
class HeadersTest {

    @Test
    void newMessageHasTheDefaults() {
        HakeMessage message = new HakeMessage();
        assertThat(message.getJMSMessageID()).isNull();
        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(message.getJMSPriority()).isEqualTo(4);
        assertThat(message.getJMSExpiration()).isZero();
        assertThat(message.getJMSDeliveryTime()).isZero();
        assertThat(message.getJMSRedelivered()).isFalse();
        assertThat(message.getJMSReplyTo()).isNull();
        assertThat(message.getJMSDestination()).isNull();
        assertThat(message.getJMSCorrelationID()).isNull();
        assertThat(message.getJMSCorrelationIDAsBytes()).isNull();
    }

    @Test
    void headersAreWritableOnAReceivedMessage() throws JMSException {
        HakeMessage received = HakeMessage.fromWire(new WireMessage(), TrustedClasses.defaults());
        received.setJMSMessageID("ID:1");
        received.setJMSTimestamp(11L);
        received.setJMSCorrelationID("corr");
        received.setJMSReplyTo(new HakeTopic("replies"));
        received.setJMSDestination(new HakeQueue("orders"));
        received.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        received.setJMSRedelivered(true);
        received.setJMSType("order");
        received.setJMSExpiration(22L);
        received.setJMSPriority(9);
        received.setJMSDeliveryTime(33L);

        assertThat(received.getJMSMessageID()).isEqualTo("ID:1");
        assertThat(received.getJMSTimestamp()).isEqualTo(11L);
        assertThat(received.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(received.getJMSReplyTo()).isEqualTo(new HakeTopic("replies"));
        assertThat(received.getJMSDestination()).isEqualTo(new HakeQueue("orders"));
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSRedelivered()).isTrue();
        assertThat(received.getJMSType()).isEqualTo("order");
        assertThat(received.getJMSExpiration()).isEqualTo(22L);
        assertThat(received.getJMSPriority()).isEqualTo(9);
        assertThat(received.getJMSDeliveryTime()).isEqualTo(33L);
    }

    @Test
    void correlationIdBytesStayExact() throws JMSException {
        byte[] id = {0, (byte) 0xFF, (byte) 0xC3, 0x28, 127};
        HakeMessage message = new HakeMessage();
        message.setJMSCorrelationIDAsBytes(id);
        id[0] = 9;

        assertThat(message.getJMSCorrelationIDAsBytes()).containsExactly(0, 0xFF, 0xC3, 0x28, 127);
        message.getJMSCorrelationIDAsBytes()[1] = 1;
        assertThat(message.getJMSCorrelationIDAsBytes()).containsExactly(0, 0xFF, 0xC3, 0x28, 127);

        HakeMessage received = HakeMessage.fromWire(message.toWireForSend(), TrustedClasses.defaults());
        assertThat(received.getJMSCorrelationIDAsBytes()).containsExactly(0, 0xFF, 0xC3, 0x28, 127);
    }

    @Test
    void correlationIdFormsConvertThroughUtf8AndReplaceEachOther() throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setJMSCorrelationID("résumé");
        assertThat(message.getJMSCorrelationIDAsBytes()).isEqualTo("résumé".getBytes(StandardCharsets.UTF_8));

        message.setJMSCorrelationIDAsBytes("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(message.getJMSCorrelationID()).isEqualTo("abc");
        assertThat(message.toWireForSend().correlationId()).isNull();

        message.setJMSCorrelationID("s");
        assertThat(message.toWireForSend().correlationIdBytes()).isNull();
        message.setJMSCorrelationIDAsBytes(null);
        assertThat(message.getJMSCorrelationID()).isNull();
    }

    @Test
    void hakeDestinationsKeepTheirKind() throws JMSException {
        HakeMessage message = new HakeMessage();
        for (Destination d : new Destination[] {new HakeQueue("q"), new HakeTopic("t"),
                new HakeTemporaryQueue("tq"), new HakeTemporaryTopic("tt")}) {
            message.setJMSReplyTo(d);
            message.setJMSDestination(d);
            HakeMessage received = HakeMessage.fromWire(message.toWireForSend(), TrustedClasses.defaults());
            assertThat(received.getJMSReplyTo()).isEqualTo(d).hasSameClassAs(d);
            assertThat(received.getJMSDestination()).isEqualTo(d).hasSameClassAs(d);
        }
        message.setJMSReplyTo(null);
        assertThat(message.getJMSReplyTo()).isNull();
    }

    @Test
    void foreignQueuesAndTopicsConvertByName() throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setJMSReplyTo(foreign(Queue.class, "getQueueName", "replies"));
        assertThat(message.getJMSReplyTo()).isEqualTo(new HakeQueue("replies")).isExactlyInstanceOf(HakeQueue.class);

        message.setJMSReplyTo(foreign(Topic.class, "getTopicName", "events"));
        assertThat(message.getJMSReplyTo()).isEqualTo(new HakeTopic("events"));

        message.setJMSDestination(foreign(TemporaryTopic.class, "getTopicName", "tmp"));
        assertThat(message.getJMSDestination()).isEqualTo(new HakeTemporaryTopic("tmp"));
        assertThat(message.toWireForSend().destination())
                .isEqualTo(new WireDestination(WireDestination.Kind.TEMPORARY_TOPIC, "tmp"));
    }

    @Test
    void destinationThatIsNeitherQueueNorTopicIsRefused() {
        HakeMessage message = new HakeMessage();
        assertThatThrownBy(() -> message.setJMSReplyTo(foreign(Destination.class, "none", null)))
                .isExactlyInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> message.setJMSReplyTo(foreign(Queue.class, "getQueueName", null)))
                .isExactlyInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void acknowledgeCallsTheSessionsAcknowledger() throws JMSException {
        HakeMessage message = HakeMessage.fromWire(new WireMessage(), TrustedClasses.defaults());
        message.acknowledge(); // nothing set yet: a no-op

        AtomicInteger calls = new AtomicInteger();
        message.setAcknowledger(calls::incrementAndGet);
        message.acknowledge();
        message.acknowledge();
        assertThat(calls).hasValue(2);

        message.setAcknowledger(() -> {
            throw new IllegalStateException("session is closed");
        });
        assertThatThrownBy(message::acknowledge).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("session is closed");
    }

    @Test
    void toStringShowsNeitherBodyNorPropertyValues() throws JMSException {
        HakeTextMessage message = new HakeTextMessage("password=hunter2");
        message.setStringProperty("token", "s3cr3t-value");
        message.setJMSMessageID("ID:42");
        message.setJMSDestination(new HakeQueue("orders"));
        assertThat(message.toString())
                .contains("HakeTextMessage", "ID:42", "orders")
                .doesNotContain("hunter2", "s3cr3t-value");
    }

    /** A destination of another provider: a proxy answering one getter. */
    static <T extends Destination> T foreign(Class<T> type, String getter, String name) {
        return type.cast(Proxy.newProxyInstance(HeadersTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "foreign " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        if (method.getName().equals(getter)) {
                            yield name;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    }
                }));
    }
}
