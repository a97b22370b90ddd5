package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 3.4.9 "JMSExpiration" (and 7.8 "Message time-to-live"): the
 * expiration is the send time plus the time to live, and a message whose expiration time has
 * passed is not delivered, on a queue, a topic subscription or to a listener.
 */
class ExpiryIT extends SpecTest {

    private static final long TTL = 1_000;

    private Connection connection;
    private Session session;

    @BeforeEach
    void open() throws JMSException {
        connection = connection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Sends a message that expires soon and one that never does, and waits until the first has expired. */
    private static void sendExpiringAndLasting(Session from, MessageProducer producer) throws JMSException {
        TextMessage expiring = from.createTextMessage("expiring");
        producer.send(expiring, DeliveryMode.PERSISTENT, 4, TTL);
        producer.send(from.createTextMessage("lasting"), DeliveryMode.PERSISTENT, 4, 0);
        long expiration = expiring.getJMSExpiration();
        assertThat(expiration).isEqualTo(expiring.getJMSTimestamp() + TTL);
        await().atMost(Duration.ofMillis(WAIT)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.currentTimeMillis() > expiration + 100);
    }

    @Test
    void anExpiredMessageOnAQueueIsNotDelivered() throws Exception {
        Queue queue = session.createQueue("expiring");
        sendExpiringAndLasting(session, session.createProducer(queue));

        connection.start();
        MessageConsumer consumer = session.createConsumer(queue);

        assertThat(text(consumer.receive(WAIT))).isEqualTo("lasting");
        assertNothingMore(consumer);
    }

    @Test
    void anExpiredMessageOnATopicSubscriptionIsNotDelivered() throws Exception {
        Topic topic = session.createTopic("expiring");
        MessageConsumer subscriber = session.createConsumer(topic);
        sendExpiringAndLasting(session, session.createProducer(topic));

        connection.start();

        assertThat(text(subscriber.receive(WAIT))).isEqualTo("lasting");
        assertNothingMore(subscriber);
    }

    @Test
    void anExpiredMessageOnADurableSubscriptionIsNotDelivered() throws Exception {
        Connection durable = connection();
        durable.setClientID(clientId("expiry"));
        Session durableSession = durable.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = durableSession.createTopic("expiring-durable");
        durableSession.createDurableConsumer(topic, "away").close();
        sendExpiringAndLasting(durableSession, durableSession.createProducer(topic));

        durable.start();
        MessageConsumer back = durableSession.createDurableConsumer(topic, "away");

        assertThat(text(back.receive(WAIT))).isEqualTo("lasting");
        assertNothingMore(back);
        back.close();
        durableSession.unsubscribe("away");
    }

    @Test
    void anExpiredMessageIsNotDeliveredToAListener() throws Exception {
        Queue queue = session.createQueue("expiring-listener");
        List<String> received = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                received.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new AssertionError(e);
            }
        });
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sendExpiringAndLasting(sending, sending.createProducer(queue));

        connection.start();

        await().atMost(Duration.ofMillis(WAIT)).until(() -> received.contains("lasting"));
        await().during(Duration.ofMillis(QUIET)).atMost(Duration.ofMillis(WAIT)).until(() -> received.size() == 1);
        assertThat(received).containsExactly("lasting");
    }

    @Test
    void aMessageThatHasNotExpiredIsDeliveredWithItsExpiration() throws Exception {
        Queue queue = session.createQueue("not-yet");
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(60_000);
        TextMessage sent = session.createTextMessage("in time");

        producer.send(sent);
        connection.start();

        Message received = session.createConsumer(queue).receive(WAIT);
        assertThat(text(received)).isEqualTo("in time");
        assertThat(received.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 60_000);
    }

    @Test
    void aContextProducersTimeToLiveExpiresMessagesToo() {
        JMSContext context = context();
        context.setAutoStart(false);
        Queue queue = context.createQueue("context-expiring");
        JMSConsumer consumer = context.createConsumer(queue);
        long sentAt = System.currentTimeMillis();
        context.createProducer().setTimeToLive(TTL).send(queue, "expiring");
        context.createProducer().send(queue, "lasting");
        await().atMost(Duration.ofMillis(WAIT)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.currentTimeMillis() > sentAt + TTL + 500);

        context.start();

        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("lasting");
        assertThat(consumer.receive(QUIET)).isNull();
    }
}
