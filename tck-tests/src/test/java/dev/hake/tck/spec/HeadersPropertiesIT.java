package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, chapter 3 "Jakarta Messaging message model", sections 3.4 (message header
 * fields) and 3.5 (message properties): every header round-trips, the JMSX properties, property
 * names and values of every type, and many properties on one message.
 */
class HeadersPropertiesIT extends SpecTest {

    private Session session;
    private Queue queue;
    private Topic topic;
    private MessageProducer producer;
    private MessageConsumer queueConsumer;
    private MessageConsumer topicConsumer;

    @BeforeEach
    void open() throws JMSException {
        session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("headers");
        topic = session.createTopic("headers");
        producer = session.createProducer(null);
        queueConsumer = session.createConsumer(queue);
        topicConsumer = session.createConsumer(topic);
    }

    /** Sends the message to the queue and to the topic and returns the two copies received. */
    private List<Message> viaQueueAndTopic(Message message) throws JMSException {
        producer.send(queue, message);
        Message fromQueue = queueConsumer.receive(WAIT);
        producer.send(topic, message);
        Message fromTopic = topicConsumer.receive(WAIT);
        assertThat(fromQueue).as("from the queue").isNotNull();
        assertThat(fromTopic).as("from the topic").isNotNull();
        return List.of(fromQueue, fromTopic);
    }

    @Test
    void theHeadersAClientSetsRoundTrip() throws Exception {
        Queue replyQueue = session.createQueue("replies");
        Topic replyTopic = session.createTopic("replies");
        for (Destination replyTo : new Destination[] {replyQueue, replyTopic}) {
            TextMessage message = session.createTextMessage("headers");
            message.setJMSCorrelationID("order-17 ✓");
            message.setJMSType("OrderPlaced");
            message.setJMSReplyTo(replyTo);

            for (Message received : viaQueueAndTopic(message)) {
                assertThat(received.getJMSCorrelationID()).isEqualTo("order-17 ✓");
                assertThat(received.getJMSType()).isEqualTo("OrderPlaced");
                assertThat(received.getJMSReplyTo()).isEqualTo(replyTo);
            }
        }
    }

    @Test
    void aReplyToTemporaryQueueCanBeRepliedTo() throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        TextMessage request = session.createTextMessage("ping");
        request.setJMSReplyTo(replies);
        producer.send(queue, request);

        Message received = queueConsumer.receive(WAIT);
        assertThat(received.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class).isEqualTo(replies);
        TextMessage reply = session.createTextMessage("pong");
        reply.setJMSCorrelationID(received.getJMSMessageID());
        producer.send(received.getJMSReplyTo(), reply);

        Message answer = session.createConsumer(replies).receive(WAIT);
        assertThat(text(answer)).isEqualTo("pong");
        assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
    }

    @Test
    void absentOptionalHeadersArriveAsNull() throws Exception {
        for (Message received : viaQueueAndTopic(session.createTextMessage("bare"))) {
            assertThat(received.getJMSCorrelationID()).isNull();
            assertThat(received.getJMSCorrelationIDAsBytes()).isNull();
            assertThat(received.getJMSReplyTo()).isNull();
            assertThat(received.getJMSType()).isNull();
        }
    }

    @Test
    void aCorrelationIdSetAsBytesRoundTripsAsThoseBytes() throws Exception {
        byte[] correlation = {1, 2, 3, (byte) 0xff, 0};
        Message message = session.createMessage();
        message.setJMSCorrelationIDAsBytes(correlation);

        for (Message received : viaQueueAndTopic(message)) {
            assertThat(received.getJMSCorrelationIDAsBytes()).isEqualTo(correlation);
        }
    }

    @Test
    void theHeadersTheProviderSetsArriveWithTheMessage() throws Exception {
        TextMessage message = session.createTextMessage("provider headers");
        long before = System.currentTimeMillis();
        producer.send(queue, message, DeliveryMode.NON_PERSISTENT, 8, 3_600_000);
        long after = System.currentTimeMillis();

        Message received = queueConsumer.receive(WAIT);

        assertThat(received.getJMSDestination()).isEqualTo(queue);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(8);
        assertThat(received.getJMSMessageID()).startsWith("ID:").isEqualTo(message.getJMSMessageID());
        assertThat(received.getJMSTimestamp()).isBetween(before, after).isEqualTo(message.getJMSTimestamp());
        assertThat(received.getJMSExpiration()).isEqualTo(message.getJMSTimestamp() + 3_600_000);
        assertThat(received.getJMSDeliveryTime()).isEqualTo(message.getJMSDeliveryTime());
        assertThat(received.getJMSRedelivered()).isFalse();
        assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(received.getObjectProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void messageIdsAreUniquePerMessage() throws Exception {
        MessageProducer queueProducer = session.createProducer(queue);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            TextMessage message = session.createTextMessage("m" + i);
            queueProducer.send(message);
            ids.add(message.getJMSMessageID());
        }

        assertThat(ids).hasSize(10).allSatisfy(id -> assertThat(id).startsWith("ID:"));
        for (Message received : receive(queueConsumer, 10)) {
            assertThat(ids).contains(received.getJMSMessageID());
        }
    }

    @Test
    void theGroupPropertiesRoundTrip() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("JMSXGroupID", "basket-9");
        message.setIntProperty("JMSXGroupSeq", 3);

        for (Message received : viaQueueAndTopic(message)) {
            assertThat(received.getStringProperty("JMSXGroupID")).isEqualTo("basket-9");
            assertThat(received.getIntProperty("JMSXGroupSeq")).isEqualTo(3);
        }
    }

    @Test
    void propertiesOfEveryTypeRoundTripWithTheirType() throws Exception {
        Message message = session.createMessage();
        message.setBooleanProperty("aBoolean", true);
        message.setByteProperty("aByte", Byte.MIN_VALUE);
        message.setShortProperty("aShort", Short.MAX_VALUE);
        message.setIntProperty("anInt", Integer.MIN_VALUE);
        message.setLongProperty("aLong", Long.MAX_VALUE);
        message.setFloatProperty("aFloat", Float.MIN_VALUE);
        message.setDoubleProperty("aDouble", -Double.MAX_VALUE);
        message.setStringProperty("aString", "ünïcödé ✓ 😀");
        message.setStringProperty("anEmptyString", "");

        for (Message received : viaQueueAndTopic(message)) {
            assertThat(received.getObjectProperty("aBoolean")).isEqualTo(Boolean.TRUE);
            assertThat(received.getObjectProperty("aByte")).isEqualTo(Byte.MIN_VALUE);
            assertThat(received.getObjectProperty("aShort")).isEqualTo(Short.MAX_VALUE);
            assertThat(received.getObjectProperty("anInt")).isEqualTo(Integer.MIN_VALUE);
            assertThat(received.getObjectProperty("aLong")).isEqualTo(Long.MAX_VALUE);
            assertThat(received.getObjectProperty("aFloat")).isEqualTo(Float.MIN_VALUE);
            assertThat(received.getObjectProperty("aDouble")).isEqualTo(-Double.MAX_VALUE);
            assertThat(received.getObjectProperty("aString")).isEqualTo("ünïcödé ✓ 😀");
            assertThat(received.getObjectProperty("anEmptyString")).isEqualTo("");
        }
    }

    @Test
    void specialFloatingPointValuesRoundTrip() throws Exception {
        Message message = session.createMessage();
        message.setDoubleProperty("nan", Double.NaN);
        message.setDoubleProperty("infinity", Double.POSITIVE_INFINITY);
        message.setFloatProperty("minusInfinity", Float.NEGATIVE_INFINITY);
        message.setDoubleProperty("minusZero", -0.0d);

        for (Message received : viaQueueAndTopic(message)) {
            assertThat(received.getDoubleProperty("nan")).isNaN();
            assertThat(received.getDoubleProperty("infinity")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(received.getFloatProperty("minusInfinity")).isEqualTo(Float.NEGATIVE_INFINITY);
            assertThat(Double.doubleToRawLongBits(received.getDoubleProperty("minusZero")))
                    .isEqualTo(Double.doubleToRawLongBits(-0.0d));
        }
    }

    @Test
    void setObjectPropertyKeepsTheWrapperType() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("b", Boolean.FALSE);
        values.put("y", (byte) 1);
        values.put("s", (short) 2);
        values.put("i", 3);
        values.put("l", 4L);
        values.put("f", 5.5f);
        values.put("d", 6.5d);
        values.put("t", "seven");
        Message message = session.createMessage();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            message.setObjectProperty(e.getKey(), e.getValue());
        }

        for (Message received : viaQueueAndTopic(message)) {
            for (Map.Entry<String, Object> e : values.entrySet()) {
                assertThat(received.getObjectProperty(e.getKey())).as(e.getKey())
                        .isInstanceOf(e.getValue().getClass()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void twentyPropertiesOnOneMessageAllRoundTrip() throws Exception {
        Message message = session.createTextMessage("many properties");
        for (int i = 0; i < 20; i++) {
            switch (i % 4) {
                case 0 -> message.setStringProperty("p" + i, "value " + i);
                case 1 -> message.setIntProperty("p" + i, i);
                case 2 -> message.setDoubleProperty("p" + i, i + 0.5);
                default -> message.setBooleanProperty("p" + i, i % 2 == 1);
            }
        }

        for (Message received : viaQueueAndTopic(message)) {
            assertThat(Collections.list(received.getPropertyNames()))
                    .containsAll(Collections.list(message.getPropertyNames()));
            for (int i = 0; i < 20; i++) {
                Object expected = switch (i % 4) {
                    case 0 -> "value " + i;
                    case 1 -> i;
                    case 2 -> i + 0.5;
                    default -> i % 2 == 1;
                };
                assertThat(received.getObjectProperty("p" + i)).as("p" + i).isEqualTo(expected);
            }
        }
    }

    @Test
    void propertyNamesAndExistenceAreReported() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("one", "1");
        message.setIntProperty("two", 2);

        assertThat(Collections.list(message.getPropertyNames())).containsExactlyInAnyOrder("one", "two");
        Message received = viaQueueAndTopic(message).get(0);
        assertThat(Collections.list(received.getPropertyNames())).contains("one", "two");
        assertThat(received.propertyExists("one")).isTrue();
        assertThat(received.propertyExists("three")).isFalse();
        assertThat(received.getObjectProperty("three")).isNull();
        assertThat(received.getStringProperty("three")).isNull();
    }

    @Test
    void propertyNamesAreCaseSensitive() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("Color", "upper");
        message.setStringProperty("color", "lower");

        Message received = viaQueueAndTopic(message).get(1);
        assertThat(received.getStringProperty("Color")).isEqualTo("upper");
        assertThat(received.getStringProperty("color")).isEqualTo("lower");
    }

    @Test
    void aPropertySetAgainTakesTheNewValueAndType() throws Exception {
        Message message = session.createMessage();
        message.setIntProperty("changing", 1);
        message.setStringProperty("changing", "now a string");

        Message received = viaQueueAndTopic(message).get(0);
        assertThat(received.getObjectProperty("changing")).isEqualTo("now a string");
    }

    @Test
    void propertyNamesMustBeSelectorIdentifiers() throws Exception {
        Message message = session.createMessage();

        assertThatThrownBy(() -> message.setStringProperty(null, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setStringProperty("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setIntProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setObjectProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        for (String invalid : new String[] {"1st", "with space", "dash-ed", "dot.ted", "NULL", "true", "And", "between",
            "LIKE", "in", "IS", "escape", "not", "or", "FALSE"}) {
            assertThatThrownBy(() -> message.setStringProperty(invalid, "v")).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // Identifiers may use letters of any script, digits after the first character, '_' and '$'.
        for (String valid : new String[] {"_under", "$dollar", "größe", "x1", "camelCase", "NULLABLE", "Inside"}) {
            message.setStringProperty(valid, "ok");
        }
        Message received = viaQueueAndTopic(message).get(0);
        assertThat(received.getStringProperty("größe")).isEqualTo("ok");
        assertThat(received.getStringProperty("$dollar")).isEqualTo("ok");
    }
}
