package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Destinations named *.fifo keep each producer's order (or each JMSXGroupID's). */
class FifoOrderingIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void fifoQueueKeepsTheProducersOrder() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("orders.fifo");
        MessageProducer producer = session.createProducer(queue);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add("step " + i);
            producer.send(session.createTextMessage("step " + i));
        }
        MessageConsumer consumer = session.createConsumer(queue);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            got.add(((TextMessage) consumer.receive(WAIT)).getText());
        }
        assertThat(got).containsExactlyElementsOf(sent);
        assertThat(aws.queueUrls(prefix + "orders")).singleElement().asString().endsWith(".fifo");
    }

    @Test
    void transactedBatchToAFifoQueueKeepsOrderAndGroups() throws Exception {
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = tx.createQueue("grouped.fifo");
        MessageProducer producer = tx.createProducer(queue);
        for (int i = 0; i < 12; i++) {
            TextMessage m = tx.createTextMessage((i % 2 == 0 ? "a" : "b") + i);
            m.setStringProperty("JMSXGroupID", i % 2 == 0 ? "group-a" : "group-b");
            producer.send(m);
        }
        tx.commit();
        Session reader = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = reader.createConsumer(queue);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TextMessage m = (TextMessage) consumer.receive(WAIT);
            assertThat(m.getStringProperty("JMSXGroupID")).isIn("group-a", "group-b");
            (m.getText().startsWith("a") ? a : b).add(m.getText());
        }
        assertThat(a).containsExactly("a0", "a2", "a4", "a6", "a8", "a10");
        assertThat(b).containsExactly("b1", "b3", "b5", "b7", "b9", "b11");
    }

    @Test
    void fifoTopicDeliversInOrderToItsSubscriber() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("ledger.fifo");
        MessageConsumer subscriber = session.createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        for (int i = 0; i < 10; i++) {
            producer.send(session.createTextMessage("entry " + i));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(((TextMessage) subscriber.receive(WAIT)).getText()).isEqualTo("entry " + i);
        }
    }
}
