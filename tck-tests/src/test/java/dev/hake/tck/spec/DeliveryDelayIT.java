package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.jms.Connection;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 7.9 "Message delivery delay" (and the JMSDeliveryTime header,
 * 3.4.13): a message sent with a delivery delay is not delivered before its delivery time, which
 * is the time of the send plus the delay.
 */
class DeliveryDelayIT extends SpecTest {

    private static final long DELAY = 2_000;

    private Connection connection;
    private Session session;

    @BeforeEach
    void open() throws JMSException {
        connection = startedConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /**
     * Receives the message and checks that it came no earlier than its delivery time, nor earlier
     * than {@code sentBefore} (a time taken before the send) plus the delay.
     */
    private static Message receiveNotBeforeDeliveryTime(MessageConsumer consumer, long sentBefore, long delay)
            throws JMSException {
        Message message = consumer.receive(WAIT);
        long receivedAt = System.currentTimeMillis();
        assertThat(message).isNotNull();
        assertThat(receivedAt).as("received at").isGreaterThanOrEqualTo(message.getJMSDeliveryTime())
                .isGreaterThanOrEqualTo(sentBefore + delay);
        return message;
    }

    @Test
    void theProducersDelayIsKept() throws Exception {
        MessageProducer producer = session.createProducer(session.createQueue("delay-setting"));
        assertThat(producer.getDeliveryDelay()).isZero();

        producer.setDeliveryDelay(DELAY);

        assertThat(producer.getDeliveryDelay()).isEqualTo(DELAY);
    }

    @Test
    void aDelayedMessageOnAQueueIsNotDeliveredBeforeItsDeliveryTime() throws Exception {
        Queue queue = session.createQueue("delayed");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        TextMessage sent = session.createTextMessage("later");
        long before = System.currentTimeMillis();

        producer.send(sent);

        assertThat(sent.getJMSDeliveryTime()).isCloseTo(sent.getJMSTimestamp() + DELAY, within(500L));
        Message received = receiveNotBeforeDeliveryTime(consumer, before, DELAY);
        assertThat(text(received)).isEqualTo("later");
        assertThat(received.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
    }

    @Test
    void aDelayedMessageOnATopicIsNotDeliveredBeforeItsDeliveryTime() throws Exception {
        Topic topic = session.createTopic("delayed");
        MessageConsumer subscriber = session.createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.setDeliveryDelay(DELAY);
        long before = System.currentTimeMillis();

        producer.send(session.createTextMessage("later on the topic"));

        assertThat(text(receiveNotBeforeDeliveryTime(subscriber, before, DELAY))).isEqualTo("later on the topic");
    }

    @Test
    void anUndelayedMessageSentAfterADelayedOneArrivesFirst() throws Exception {
        Queue queue = session.createQueue("overtaken");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer delayed = session.createProducer(queue);
        delayed.setDeliveryDelay(DELAY);
        MessageProducer immediate = session.createProducer(queue);

        long before = System.currentTimeMillis();
        delayed.send(session.createTextMessage("delayed"));
        immediate.send(session.createTextMessage("immediate"));

        assertThat(text(consumer.receive(WAIT))).isEqualTo("immediate");
        assertThat(text(receiveNotBeforeDeliveryTime(consumer, before, DELAY))).isEqualTo("delayed");
    }

    @Test
    void aDelayedMessageWaitsForAListenerToo() throws Exception {
        Queue queue = session.createQueue("delayed-listener");
        CompletableFuture<Long> deliveredAt = new CompletableFuture<>();
        CompletableFuture<Long> deliveryTime = new CompletableFuture<>();
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue).setMessageListener(m -> {
            deliveredAt.complete(System.currentTimeMillis());
            try {
                deliveryTime.complete(m.getJMSDeliveryTime());
            } catch (JMSException e) {
                deliveryTime.completeExceptionally(e);
            }
        });
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        long before = System.currentTimeMillis();

        producer.send(session.createTextMessage("to a listener"));

        long at = deliveredAt.get(WAIT, TimeUnit.MILLISECONDS);
        assertThat(at).isGreaterThanOrEqualTo(deliveryTime.get(WAIT, TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(before + DELAY);
    }

    @Test
    void aContextProducerDelaysToo() {
        JMSContext context = context();
        Queue queue = context.createQueue("context-delayed");
        JMSConsumer consumer = context.createConsumer(queue);

        long before = System.currentTimeMillis();

        context.createProducer().setDeliveryDelay(1_500).send(queue, "context later");

        Message message = consumer.receive(WAIT);
        long receivedAt = System.currentTimeMillis();
        assertThat(message).isNotNull();
        assertThat(receivedAt).isGreaterThanOrEqualTo(getDeliveryTime(message)).isGreaterThanOrEqualTo(before + 1_500);
    }

    @Test
    void aDelayedMessageInATransactionIsDeliveredAfterCommitAndItsDeliveryTime() throws Exception {
        Queue queue = session.createQueue("delayed-tx");
        MessageConsumer consumer = session.createConsumer(queue);
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        producer.setDeliveryDelay(DELAY);
        long before = System.currentTimeMillis();

        producer.send(transacted.createTextMessage("delayed and transacted"));
        transacted.commit();

        assertThat(text(receiveNotBeforeDeliveryTime(consumer, before, DELAY))).isEqualTo("delayed and transacted");
    }

    private static long getDeliveryTime(Message message) {
        try {
            return message.getJMSDeliveryTime();
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }
}
