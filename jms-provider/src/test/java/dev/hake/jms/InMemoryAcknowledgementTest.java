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
    void autoAndDupsOkAcknowledgeDeleteEachMessageOnceItIsDelivered() throws Exception {
        for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
            Session session = startedSession(mode);
            Queue queue = session.createQueue("acknowledged-" + mode);
            sendTexts(session, queue, "m0", "m1", "m2");
            MessageConsumer consumer = session.createConsumer(queue);
            for (String expected : new String[] {"m0", "m1", "m2"}) {
                assertThat(text(consumer.receive(WAIT))).isEqualTo(expected);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> aws.messagesOn("acknowledged-" + mode) == 0);
        }
    }

    @Test
    void acknowledgingOneMessageAcknowledgesEverythingTheSessionConsumed() throws Exception {
        Session session = startedSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("client-ack");
        sendTexts(session, queue, "m0", "m1", "m2");
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(WAIT);
        Message second = consumer.receive(WAIT);
        Message third = consumer.receive(WAIT);
        assertThat(aws.messagesOn("client-ack")).as("nothing deleted before acknowledge()").isEqualTo(3);

        second.acknowledge();

        assertThat(aws.messagesOn("client-ack")).as("acknowledge() returns once the deletes are done").isZero();
        third.acknowledge(); // nothing left to acknowledge: no error
    }

    @Test
    void whatAClosedClientAcknowledgeSessionDidNotAcknowledgeComesBackRedelivered() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("unacknowledged");
        sendTexts(session, queue, "kept");
        assertThat(text(session.createConsumer(queue).receive(WAIT))).isEqualTo("kept");
        session.close();

        Message back = c.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(queue).receive(WAIT);
        assertThat(text(back)).isEqualTo("kept");
        assertThat(back.getJMSRedelivered()).isTrue();
        assertThat(back.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void recoverRedeliversWhatWasNotAcknowledgedMarkedRedelivered() throws Exception {
        Session session = startedSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("recover");
        sendTexts(session, queue, "again");
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
        Session tx = startedSession(Session.SESSION_TRANSACTED);
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

    private static void sendTexts(Session session, Queue queue, String... texts) throws Exception {
        MessageProducer producer = session.createProducer(queue);
        for (String t : texts) {
            producer.send(session.createTextMessage(t));
        }
        producer.close();
    }
}
