package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Messages in and out of queues, on the in-memory backend: bodies, headers, properties, and when they arrive. */
class InMemoryMessagingTest extends InMemoryJmsTest {

    @Test
    void aMessageKeepsItsBodyHeadersAndProperties() throws Exception {
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("round-trip");
        Queue replyTo = session.createQueue("replies");
        TextMessage sent = session.createTextMessage("héllo, wörld");
        sent.setJMSCorrelationID("corr-1");
        sent.setJMSReplyTo(replyTo);
        sent.setJMSType("greeting");
        sent.setStringProperty("colour", "red");
        sent.setIntProperty("count", 42);
        sent.setBooleanProperty("urgent", true);
        sent.setDoubleProperty("ratio", 0.25);
        MessageProducer producer = session.createProducer(queue);
        producer.setPriority(7);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.send(sent);

        TextMessage got = (TextMessage) session.createConsumer(queue).receive(WAIT);

        assertThat(got.getText()).isEqualTo("héllo, wörld");
        assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(got.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(got.getJMSReplyTo()).isEqualTo(replyTo);
        assertThat(got.getJMSDestination()).isEqualTo(queue);
        assertThat(got.getJMSType()).isEqualTo("greeting");
        assertThat(got.getJMSPriority()).isEqualTo(7);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(got.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
        assertThat(got.getJMSRedelivered()).isFalse();
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(got.getStringProperty("colour")).isEqualTo("red");
        assertThat(got.getIntProperty("count")).isEqualTo(42);
        assertThat(got.getBooleanProperty("urgent")).isTrue();
        assertThat(got.getDoubleProperty("ratio")).isEqualTo(0.25);
    }

    @Test
    void aListenerGetsEveryMessageInOrder() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("listened");
        List<String> heard = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> heard.add(text(m)));

        Session sending = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sending.createProducer(queue);
        for (int i = 0; i < 25; i++) {
            producer.send(sending.createTextMessage("m" + i));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 25);
        assertThat(heard).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void selectorsOnOneQueueEachTakeTheirOwnAndLeaveTheRest() throws Exception {
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("selected");
        MessageProducer producer = session.createProducer(queue);
        for (String colour : List.of("red", "blue", "red", "green")) {
            TextMessage m = session.createTextMessage(colour);
            m.setStringProperty("colour", colour);
            producer.send(m);
        }

        MessageConsumer reds = session.createConsumer(queue, "colour = 'red'");
        MessageConsumer blues = session.createConsumer(queue, "colour IN ('blue')");
        assertThat(text(reds.receive(WAIT))).isEqualTo("red");
        assertThat(text(reds.receive(WAIT))).isEqualTo("red");
        assertThat(text(blues.receive(WAIT))).isEqualTo("blue");
        reds.close();
        blues.close();

        MessageConsumer rest = session.createConsumer(queue);
        assertThat(text(rest.receive(WAIT))).isEqualTo("green");
        assertThat(rest.receiveNoWait()).isNull();
    }

    @Test
    void anExpiredMessageIsNeverDeliveredAndLeavesTheQueue() throws Exception {
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("expiring");
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(50);
        TextMessage expiring = session.createTextMessage("too late");
        producer.send(expiring);
        producer.setTimeToLive(0);
        producer.send(session.createTextMessage("in time"));
        await().until(() -> System.currentTimeMillis() > expiring.getJMSExpiration());

        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(text(consumer.receive(WAIT))).isEqualTo("in time");
        assertThat(consumer.receiveNoWait()).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> aws.messagesOn("expiring") == 0);
    }

    @Test
    void aDelayedMessageArrivesNotBeforeItsDeliveryTime() throws Exception {
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("delayed");
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(1_000);
        TextMessage sent = session.createTextMessage("later");
        producer.send(sent);

        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receiveNoWait()).isNull();
        Message got = consumer.receive(WAIT);
        assertThat(text(got)).isEqualTo("later");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
        assertThat(got.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
    }

    @Test
    void aTemporaryQueueCarriesTheReplyToARequest() throws Exception {
        Connection server = startedConnection();
        Session serverSession = server.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer replies = serverSession.createProducer(null);
        serverSession.createConsumer(serverSession.createQueue("requests")).setMessageListener(request -> {
            try {
                TextMessage reply = serverSession.createTextMessage(text(request).toUpperCase());
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replies.send(request.getJMSReplyTo(), reply);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Connection client = startedConnection();
        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replyTo = session.createTemporaryQueue();
        TextMessage request = session.createTextMessage("ping");
        request.setJMSReplyTo(replyTo);
        session.createProducer(session.createQueue("requests")).send(request);

        MessageConsumer replyConsumer = session.createConsumer(replyTo);
        Message reply = replyConsumer.receive(WAIT);
        assertThat(text(reply)).isEqualTo("PING");
        assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        replyConsumer.close();
        replyTo.delete();
    }

    static String text(Message m) {
        try {
            return m == null ? null : ((TextMessage) m).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
