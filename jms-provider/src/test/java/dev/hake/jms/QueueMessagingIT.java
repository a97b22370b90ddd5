package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages in and out of a queue: bodies, headers and properties as the application sees them. */
class QueueMessagingIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void aSendFromAnInterruptedThreadFailsSayingSoSendsNothingAndLeavesTheThreadInterrupted() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("interrupted");
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("sent before the interrupt"));

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> producer.send(session.createTextMessage("sent while interrupted")))
                    .isInstanceOf(JMSException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status after the send").isTrue();
        } finally {
            Thread.interrupted();
        }

        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(((TextMessage) consumer.receive(WAIT)).getText()).isEqualTo("sent before the interrupt");
        assertThat(consumer.receive(2_000)).as("the interrupted send").isNull();
    }

    @Test
    void textMessageKeepsBodyHeadersAndProperties() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("orders");
        Queue replies = session.createQueue("replies");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        producer.setPriority(7);
        producer.setTimeToLive(60_000);

        TextMessage sent = session.createTextMessage("hello, queue");
        sent.setJMSCorrelationID("corr-1");
        sent.setJMSType("greeting");
        sent.setJMSReplyTo(replies);
        sent.setStringProperty("region", "eu");
        sent.setIntProperty("count", 3);
        producer.send(sent);

        TextMessage got = (TextMessage) consumer.receive(WAIT);
        assertThat(got).isNotNull();
        assertThat(got.getText()).isEqualTo("hello, queue");
        assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID()).startsWith("ID:");
        assertThat(got.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp()).isPositive();
        assertThat(got.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(got.getJMSType()).isEqualTo("greeting");
        assertThat(got.getJMSReplyTo()).isEqualTo(replies);
        assertThat(got.getJMSDestination()).isEqualTo(queue);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(7);
        assertThat(got.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 60_000);
        assertThat(got.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
        assertThat(got.getJMSRedelivered()).isFalse();
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(got.getStringProperty("region")).isEqualTo("eu");
        assertThat(got.getObjectProperty("count")).isEqualTo(3);
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    void correlationIdBytesRoundTrip() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("bytes-correlation");
        MessageConsumer consumer = session.createConsumer(queue);
        Message sent = session.createMessage();
        sent.setJMSCorrelationIDAsBytes(new byte[] {0, 1, 2, (byte) 0xff});
        session.createProducer(queue).send(sent, DeliveryMode.NON_PERSISTENT, 2, 0);

        Message got = consumer.receive(WAIT);
        assertThat(got.getJMSCorrelationIDAsBytes()).containsExactly(0, 1, 2, 0xff);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(2);
        assertThat(got.getJMSExpiration()).isZero();
    }

    @Test
    void everyBodyTypeRoundTripsIncludingEmptyOnes() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("bodies");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);

        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3, 0, -1});
        MapMessage map = session.createMapMessage();
        map.setString("name", "hake");
        map.setLong("big", Long.MAX_VALUE);
        map.setBytes("raw", new byte[] {9, 8});
        map.setChar("c", 'x');
        StreamMessage stream = session.createStreamMessage();
        stream.writeInt(42);
        stream.writeString("two");
        stream.writeDouble(2.5);
        ObjectMessage object = session.createObjectMessage(new ArrayList<>(List.of("a", "b")));

        List<Message> sent = List.of(session.createMessage(), session.createTextMessage(), session.createTextMessage(""),
                bytes, session.createBytesMessage(), map, session.createMapMessage(), stream,
                session.createStreamMessage(), object, session.createObjectMessage());
        for (Message m : sent) {
            producer.send(m);
        }
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Message m = consumer.receive(WAIT);
            assertThat(m).as("message %d of %d", i + 1, sent.size()).isNotNull();
            got.add(m);
        }
        // Standard queues promise no order: match by message id.
        for (Message s : sent) {
            Message r = got.stream().filter(g -> id(g).equals(id(s))).findFirst().orElseThrow();
            assertSameBody(s, r);
        }
    }

    private static String id(Message m) {
        try {
            return m.getJMSMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSameBody(Message sent, Message got) throws Exception {
        assertThat(got.getClass().getInterfaces()).isEqualTo(sent.getClass().getInterfaces());
        if (sent instanceof TextMessage t) {
            assertThat(((TextMessage) got).getText()).isEqualTo(t.getText());
        } else if (sent instanceof BytesMessage b) {
            b.reset();
            byte[] expected = new byte[(int) b.getBodyLength()];
            b.readBytes(expected);
            BytesMessage gb = (BytesMessage) got;
            byte[] actual = new byte[(int) gb.getBodyLength()];
            gb.readBytes(actual);
            assertThat(actual).containsExactly(expected);
        } else if (sent instanceof MapMessage m) {
            MapMessage gm = (MapMessage) got;
            assertThat(Collections.list(gm.getMapNames())).containsExactlyInAnyOrderElementsOf(
                    Collections.list(m.getMapNames()));
            for (Object name : Collections.list(m.getMapNames())) {
                assertThat(gm.getObject((String) name)).isEqualTo(m.getObject((String) name));
            }
        } else if (sent instanceof StreamMessage st) {
            st.reset();
            assertThat(readAll((StreamMessage) got)).isEqualTo(readAll(st));
        } else if (sent instanceof ObjectMessage o) {
            assertThat(((ObjectMessage) got).getObject()).isEqualTo(o.getObject());
        }
    }

    private static List<Object> readAll(StreamMessage m) throws Exception {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            try {
                values.add(m.readObject());
            } catch (jakarta.jms.MessageEOFException end) {
                return values;
            }
        }
        throw new AssertionError("stream longer than 100 values");
    }

    @Test
    void streamBodyReadsBackInOrder() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("stream");
        MessageConsumer consumer = session.createConsumer(queue);
        StreamMessage stream = session.createStreamMessage();
        stream.writeInt(42);
        stream.writeString("two");
        stream.writeBytes(new byte[] {7});
        stream.writeBoolean(true);
        session.createProducer(queue).send(stream);

        StreamMessage got = (StreamMessage) consumer.receive(WAIT);
        assertThat(got.readInt()).isEqualTo(42);
        assertThat(got.readString()).isEqualTo("two");
        byte[] buf = new byte[4];
        assertThat(got.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 7);
        assertThat(got.readBoolean()).isTrue();
    }

    @Test
    void everyPropertyTypeRoundTripsAndMoreThanTenPropertiesWork() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("props");
        MessageConsumer consumer = session.createConsumer(queue);
        Message m = session.createMessage();
        m.setBooleanProperty("aBoolean", true);
        m.setByteProperty("aByte", (byte) -7);
        m.setShortProperty("aShort", (short) 1234);
        m.setIntProperty("anInt", Integer.MIN_VALUE);
        m.setLongProperty("aLong", Long.MAX_VALUE);
        m.setFloatProperty("aFloat", 1.5f);
        m.setDoubleProperty("aDouble", -0.25);
        m.setStringProperty("aString", "žluťoučký kůň");
        m.setStringProperty("empty", "");
        for (int i = 0; i < 12; i++) {
            m.setIntProperty("extra" + i, i);
        }
        session.createProducer(queue).send(m);

        Message got = consumer.receive(WAIT);
        assertThat(got.getObjectProperty("aBoolean")).isEqualTo(Boolean.TRUE);
        assertThat(got.getObjectProperty("aByte")).isEqualTo((byte) -7);
        assertThat(got.getObjectProperty("aShort")).isEqualTo((short) 1234);
        assertThat(got.getObjectProperty("anInt")).isEqualTo(Integer.MIN_VALUE);
        assertThat(got.getObjectProperty("aLong")).isEqualTo(Long.MAX_VALUE);
        assertThat(got.getObjectProperty("aFloat")).isEqualTo(1.5f);
        assertThat(got.getObjectProperty("aDouble")).isEqualTo(-0.25);
        assertThat(got.getObjectProperty("aString")).isEqualTo("žluťoučký kůň");
        assertThat(got.getObjectProperty("empty")).isEqualTo("");
        for (int i = 0; i < 12; i++) {
            assertThat(got.getObjectProperty("extra" + i)).isEqualTo(i);
        }
    }

    @Test
    void receiveTimesOutWithNullOnAnEmptyQueue() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("empty"));
        assertThat(consumer.receive(300)).isNull();
        assertThat(consumer.receiveNoWait()).isNull();
    }
}
