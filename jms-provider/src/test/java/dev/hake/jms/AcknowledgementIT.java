package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Acknowledge modes and recovery, as an application sees them. */
class AcknowledgementIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void autoAcknowledgedMessagesAreGoneForGood() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("auto");
        session.createProducer(queue).send(session.createTextMessage("once"));
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(((TextMessage) consumer.receive(WAIT)).getText()).isEqualTo("once");
        session.close();

        Session again = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(again.createConsumer(queue).receive(1_500)).isNull();
    }

    @Test
    void clientAcknowledgeCoversEverythingConsumedAndUnacknowledgedComesBackOnClose() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("client-ack");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 3; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
        MessageConsumer consumer = session.createConsumer(queue);
        Message first = consumer.receive(WAIT);
        consumer.receive(WAIT);
        // Acknowledging one message acknowledges both received so far.
        first.acknowledge();
        Message third = consumer.receive(WAIT);
        assertThat(third).isNotNull();
        session.close();

        Session next = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage back = (TextMessage) next.createConsumer(queue).receive(WAIT);
        assertThat(back.getText()).isEqualTo(((TextMessage) third).getText());
        assertThat(back.getJMSRedelivered()).isTrue();
        assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void unacknowledgedMessageOfAClosedConsumerComesBackWhenItsConnectionCloses() throws Exception {
        Connection first = startedConnection();
        Session session = first.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("closed-consumer");
        session.createProducer(queue).send(session.createTextMessage("not acknowledged"));
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receive(WAIT)).isNotNull();
        consumer.close();
        first.close();

        Connection second = connection();
        Session again = second.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer next = again.createConsumer(queue);
        second.start();
        TextMessage back = (TextMessage) next.receive(5_000);
        assertThat(back).isNotNull();
        assertThat(back.getText()).isEqualTo("not acknowledged");
        assertThat(back.getJMSRedelivered()).isTrue();
    }

    @Test
    void recoverRedeliversAtOnceMarkedRedelivered() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("recover");
        session.createProducer(queue).send(session.createTextMessage("again"));
        MessageConsumer consumer = session.createConsumer(queue);
        Message first = consumer.receive(WAIT);
        assertThat(first.getJMSRedelivered()).isFalse();

        session.recover();

        // Far less than the 30 s visibility timeout: recovery does not wait for it.
        TextMessage second = (TextMessage) consumer.receive(2_000);
        assertThat(second).isNotNull();
        assertThat(second.getText()).isEqualTo("again");
        assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(second.getJMSRedelivered()).isTrue();
        assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        second.acknowledge();
        assertThat(consumer.receive(1_000)).isNull();
    }

    @Test
    void listenerThatThrowsGetsTheMessageAgain() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("listener-throws");
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.setMessageListener(m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (redelivered.size() == 1) {
                throw new IllegalStateException("first delivery fails on purpose");
            }
        });
        Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        ps.createProducer(queue).send(ps.createTextMessage("retry me"));

        await().atMost(Duration.ofSeconds(10)).until(() -> redelivered.size() >= 2);
        assertThat(redelivered).startsWith(false, true);
    }

    @Test
    void dupsOkDeliversEveryMessage() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue queue = session.createQueue("dups-ok");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 25; i++) {
            producer.send(session.createTextMessage("n" + i));
        }
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < 25; i++) {
            assertThat(consumer.receive(WAIT)).as("message %d", i).isNotNull();
        }
        assertThat(consumer.receive(500)).isNull();
    }
}
