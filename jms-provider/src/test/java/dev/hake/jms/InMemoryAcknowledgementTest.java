package dev.hake.jms;

import static dev.hake.jms.InMemoryMessagingTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Acknowledge modes, recovery and transactions, on the in-memory backend. */
class InMemoryAcknowledgementTest extends InMemoryJmsTest {

    @Test
    void autoAcknowledgedMessagesAreGoneForGood() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("auto");
        session.createProducer(queue).send(session.createTextMessage("once"));
        assertThat(text(session.createConsumer(queue).receive(WAIT))).isEqualTo("once");
        session.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> aws.messagesOn("auto") == 0);
        Session again = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(again.createConsumer(queue).receiveNoWait()).isNull();
    }

    @Test
    void dupsOkAcknowledgedMessagesAreGoneToo() throws Exception {
        Session session = startedConnection().createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        Queue queue = session.createQueue("dups-ok");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 3; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < 3; i++) {
            assertThat(text(consumer.receive(WAIT))).isEqualTo("m" + i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> aws.messagesOn("dups-ok") == 0);
    }

    @Test
    void clientAcknowledgeCoversEverythingConsumedAndWhatIsNotAcknowledgedComesBackRedelivered() throws Exception {
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
        first.acknowledge(); // acknowledges both received so far
        assertThat(text(consumer.receive(WAIT))).isEqualTo("m2");
        session.close();

        Session next = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message back = next.createConsumer(queue).receive(WAIT);
        assertThat(text(back)).isEqualTo("m2");
        assertThat(back.getJMSRedelivered()).isTrue();
        assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void recoverRedeliversWhatWasNotAcknowledgedMarkedRedelivered() throws Exception {
        Session session = startedConnection().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("recover");
        session.createProducer(queue).send(session.createTextMessage("again"));
        MessageConsumer consumer = session.createConsumer(queue);
        Message first = consumer.receive(WAIT);
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

        session.recover();

        Message second = consumer.receive(WAIT);
        assertThat(text(second)).isEqualTo("again");
        assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(second.getJMSRedelivered()).isTrue();
        assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        second.acknowledge();
        await().atMost(Duration.ofSeconds(5)).until(() -> aws.messagesOn("recover") == 0);
    }

    @Test
    void aTransactionSendsOnlyAtCommitAndARolledBackReceiveComesBack() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = tx.createQueue("transacted");
        MessageProducer producer = tx.createProducer(queue);
        producer.send(tx.createTextMessage("rolled back"));
        tx.rollback();
        producer.send(tx.createTextMessage("committed"));
        assertThat(aws.messagesOn("transacted")).as("held until commit").isZero();
        tx.commit();

        MessageConsumer consumer = tx.createConsumer(queue);
        Message got = consumer.receive(WAIT);
        assertThat(text(got)).isEqualTo("committed");
        tx.rollback();

        Message again = consumer.receive(WAIT);
        assertThat(text(again)).isEqualTo("committed");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        tx.commit();
        assertThat(consumer.receiveNoWait()).isNull();
        assertThat(aws.messagesOn("transacted")).as("deleted at commit").isZero();
    }
}
