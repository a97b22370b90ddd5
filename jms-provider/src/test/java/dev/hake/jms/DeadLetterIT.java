package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
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
import org.junit.jupiter.api.Test;

/**
 * With {@code maxDeliveries}, a message whose deliveries keep failing (a listener that throws, a
 * rollback, a recover) goes to a dead-letter queue after that many deliveries, and arrives there
 * as it was sent, saying where it came from. {@code redeliveryDelaySeconds} keeps a failed message
 * away for a while before it comes again.
 */
class DeadLetterIT extends JmsIntegrationTest {

    private static final Duration DEAD_LETTER_WITHIN = Duration.ofSeconds(30);

    @Test
    void aMessageAListenerKeepsRejectingEndsInTheDeadLetterQueueAsItWasSent() throws Exception {
        Connection connection = track(factory("maxDeliveries=3").createConnection());
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue payments = session.createQueue("payments");
        List<Integer> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(payments).setMessageListener(m -> {
            deliveries.add(deliveryCount(m));
            throw new IllegalStateException("payment refused on purpose");
        });
        connection.start();

        TextMessage sent = session.createTextMessage("pay 42");
        sent.setStringProperty("customer", "c-7");
        sent.setIntProperty("amount", 42);
        sent.setJMSCorrelationID("order-42");
        sent.setJMSType("payment");
        session.createProducer(payments).send(sent, DeliveryMode.PERSISTENT, 7, 0);

        TextMessage dead = (TextMessage) receiveOne(session, "payments-dlq");
        assertThat(dead.getText()).isEqualTo("pay 42");
        assertThat(dead.getStringProperty("customer")).isEqualTo("c-7");
        assertThat(dead.getIntProperty("amount")).isEqualTo(42);
        assertThat(dead.getJMSCorrelationID()).isEqualTo("order-42");
        assertThat(dead.getJMSType()).isEqualTo("payment");
        assertThat(dead.getJMSPriority()).isEqualTo(7);
        assertThat(dead.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(((Queue) dead.getJMSDestination()).getQueueName()).isEqualTo("payments");
        assertThat(dead.getStringProperty("JMS_HakeDeadLetterSource")).isEqualTo("queue://payments");
        assertThat(deliveries).containsExactly(1, 2, 3);
    }

    @Test
    void rollbackAndRecoverAreFailedDeliveriesToo() throws Exception {
        Connection connection = track(factory("maxDeliveries=2").createConnection());
        connection.start();
        Session plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue rolledBack = plain.createQueue("rolled-back");
        Queue recovered = plain.createQueue("recovered");
        plain.createProducer(rolledBack).send(plain.createTextMessage("rolled back twice"));
        plain.createProducer(recovered).send(plain.createTextMessage("recovered twice"));

        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer fromRolledBack = transacted.createConsumer(rolledBack);
        Session clientAcknowledged = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer fromRecovered = clientAcknowledged.createConsumer(recovered);
        for (int delivery = 1; delivery <= 2; delivery++) {
            assertThat(deliveryCount(fromRolledBack.receive(10_000))).isEqualTo(delivery);
            transacted.rollback();
            assertThat(deliveryCount(fromRecovered.receive(10_000))).isEqualTo(delivery);
            clientAcknowledged.recover();
        }

        // SQS moves a message when someone asks for it once more: these receives find nothing.
        assertThat(fromRolledBack.receive(2_000)).as("a third delivery").isNull();
        assertThat(fromRecovered.receive(2_000)).as("a third delivery").isNull();
        assertThat(((TextMessage) receiveOne(plain, "rolled-back-dlq")).getText()).isEqualTo("rolled back twice");
        assertThat(((TextMessage) receiveOne(plain, "recovered-dlq")).getText()).isEqualTo("recovered twice");
    }

    @Test
    void aSubscriptionsDeadLettersGoToTheSubscriptionsOwnDeadLetterQueue() throws Exception {
        Connection connection = track(factory("maxDeliveries=2").createConnection());
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic prices = session.createTopic("prices");
        List<Integer> deliveries = new CopyOnWriteArrayList<>();
        session.createSharedDurableConsumer(prices, "audit").setMessageListener(m -> {
            deliveries.add(deliveryCount(m));
            throw new IllegalStateException("audit refused on purpose");
        });
        connection.start();
        TextMessage sent = session.createTextMessage("ACME 42.00");
        sent.setStringProperty("symbol", "ACME");
        session.createProducer(prices).send(sent);

        Message dead = receiveOne(session, "sd-audit-dlq");
        assertThat(((TextMessage) dead).getText()).isEqualTo("ACME 42.00");
        assertThat(dead.getStringProperty("symbol")).isEqualTo("ACME");
        assertThat(((Topic) dead.getJMSDestination()).getTopicName()).isEqualTo("prices");
        assertThat(dead.getStringProperty("JMS_HakeDeadLetterSource")).isEqualTo("topic://prices");
        assertThat(deliveries).containsExactly(1, 2);
    }

    @Test
    void oneDeadLetterQueueCanServeEveryQueue() throws Exception {
        Connection connection = track(factory("maxDeliveries=1&deadLetterQueue=dead-letters").createConnection());
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        for (String name : List.of("invoices", "refunds")) {
            Queue queue = session.createQueue(name);
            session.createProducer(queue).send(session.createTextMessage("from " + name));
            session.commit();
            try (MessageConsumer consumer = session.createConsumer(queue)) {
                assertThat(consumer.receive(10_000)).isNotNull();
                session.rollback();
            }
        }

        Session plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        List<String> sources = new CopyOnWriteArrayList<>();
        try (MessageConsumer deadLetters = plain.createConsumer(plain.createQueue("dead-letters"))) {
            // A consumer of each source queue makes SQS look at its messages, and move the one that failed.
            for (String name : List.of("invoices", "refunds")) {
                try (MessageConsumer source = plain.createConsumer(plain.createQueue(name))) {
                    assertThat(source.receive(1_000)).as(name + " keeps nothing").isNull();
                }
            }
            await().atMost(DEAD_LETTER_WITHIN).until(() -> {
                Message m = deadLetters.receive(1_000);
                if (m != null) {
                    sources.add(m.getStringProperty("JMS_HakeDeadLetterSource") + " " + ((TextMessage) m).getText());
                }
                return sources.size() == 2;
            });
        }
        assertThat(sources).containsExactlyInAnyOrder("queue://invoices from invoices", "queue://refunds from refunds");
    }

    @Test
    void aRedeliveryDelayKeepsAFailedMessageAwayThatLong() throws Exception {
        Connection connection = track(factory("redeliveryDelaySeconds=3").createConnection());
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue jobs = session.createQueue("jobs");
        List<Long> deliveredAt = new CopyOnWriteArrayList<>();
        session.createConsumer(jobs).setMessageListener(m -> {
            deliveredAt.add(System.nanoTime());
            if (deliveredAt.size() == 1) {
                throw new IllegalStateException("the first try fails on purpose");
            }
        });
        connection.start();
        session.createProducer(jobs).send(session.createTextMessage("job"));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredAt.size() == 2);
        // SQS hands the message out again only when the visibility timeout it was given back with ends.
        assertThat(Duration.ofNanos(deliveredAt.get(1) - deliveredAt.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2_500));
    }

    /** Waits for the one message SQS moves to the queue {@code name}. */
    private Message receiveOne(Session session, String name) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(name))) {
            Message[] received = new Message[1];
            await().atMost(DEAD_LETTER_WITHIN).until(() -> (received[0] = consumer.receive(1_000)) != null);
            return received[0];
        }
    }

    private static int deliveryCount(Message m) {
        try {
            return m.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
