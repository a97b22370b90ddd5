package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Local transactions: sends held until commit, consumption undone by rollback. */
class TransactionIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void sendsAreHeldUntilCommit() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        assertThat(tx.getTransacted()).isTrue();
        assertThat(tx.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        Queue queue = tx.createQueue("tx-send");
        MessageProducer producer = tx.createProducer(queue);
        for (int i = 0; i < 23; i++) {
            producer.send(tx.createTextMessage("t" + i));
        }
        Session reader = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = reader.createConsumer(queue);
        assertThat(consumer.receive(1_000)).as("nothing is sent before commit").isNull();

        tx.commit();

        Set<String> got = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            got.add(((TextMessage) consumer.receive(WAIT)).getText());
        }
        assertThat(got).hasSize(23);
    }

    @Test
    void rollbackDropsSendsAndRedeliversWhatWasConsumed() throws Exception {
        Connection c = startedConnection();
        Session setup = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue in = setup.createQueue("tx-in");
        Queue out = setup.createQueue("tx-out");
        setup.createProducer(in).send(setup.createTextMessage("work"));

        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(in);
        TextMessage first = (TextMessage) consumer.receive(WAIT);
        tx.createProducer(out).send(tx.createTextMessage("result"));
        tx.rollback();

        TextMessage again = (TextMessage) consumer.receive(2_000);
        assertThat(again.getText()).isEqualTo("work");
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        tx.createProducer(out).send(tx.createTextMessage("result"));
        tx.commit();

        MessageConsumer results = setup.createConsumer(out);
        assertThat(((TextMessage) results.receive(WAIT)).getText()).isEqualTo("result");
        assertThat(results.receive(500)).as("the rolled-back send never went out").isNull();
        assertThat(setup.createConsumer(in).receive(1_000)).as("the committed receive is gone").isNull();
    }

    @Test
    void closingATransactedSessionRollsBack() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = tx.createTopic("tx-topic");
        Session reader = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer subscriber = reader.createConsumer(topic);
        tx.createProducer(topic).send(tx.createTextMessage("never"));
        tx.close();
        assertThat(subscriber.receive(1_000)).isNull();
    }

    @Test
    void commitOutsideATransactionIsAnError() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateException.class);
    }
}
