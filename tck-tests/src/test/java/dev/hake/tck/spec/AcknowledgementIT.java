package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 6.2.10 "Message acknowledgment": AUTO_ACKNOWLEDGE,
 * CLIENT_ACKNOWLEDGE (one acknowledge covers everything the session consumed so far; recover
 * and an unacknowledged close redeliver with JMSRedelivered set), DUPS_OK_ACKNOWLEDGE, and
 * acknowledge being ignored where the session acknowledges by itself.
 */
class AcknowledgementIT extends SpecTest {

    private Connection connection;
    private Queue queue;
    private MessageProducer producer;
    private Session sending;

    @BeforeEach
    void open() throws JMSException {
        connection = startedConnection();
        sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = sending.createQueue("acks");
        producer = sending.createProducer(queue);
    }

    private void send(String... texts) throws JMSException {
        for (String text : texts) {
            producer.send(sending.createTextMessage(text));
        }
    }

    /** What a fresh AUTO_ACKNOWLEDGE consumer finds on the queue, waiting {@link #QUIET} for the last. */
    private List<Message> whatIsLeft(Queue on) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(on);
        List<Message> left = new ArrayList<>();
        Message m;
        while ((m = consumer.receive(QUIET)) != null) {
            left.add(m);
        }
        session.close();
        return left;
    }

    @Test
    void autoAcknowledgeAcknowledgesEachMessageAsItIsReceived() throws Exception {
        send("a", "b");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(texts(receive(consumer, 2))).containsExactlyInAnyOrder("a", "b");

        session.close();

        assertThat(whatIsLeft(queue)).isEmpty();
    }

    @Test
    void clientAcknowledgeCoversEveryMessageTheSessionConsumedSoFar() throws Exception {
        Queue second = sending.createQueue("acks-second");
        send("q1-a", "q1-b");
        sending.createProducer(second).send(sending.createTextMessage("q2-a"));
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<Message> consumed = new ArrayList<>(receive(session.createConsumer(queue), 2));
        consumed.addAll(receive(session.createConsumer(second), 1));

        // Acknowledging the first message acknowledges all three, whichever consumer took them.
        consumed.get(0).acknowledge();
        session.close();

        assertThat(whatIsLeft(queue)).isEmpty();
        assertThat(whatIsLeft(second)).isEmpty();
    }

    @Test
    void messagesConsumedAfterAnAcknowledgeAreNotCoveredByIt() throws Exception {
        send("first");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        Message first = consumer.receive(WAIT);
        first.acknowledge();
        send("second");
        Message second = consumer.receive(WAIT);
        assertThat(text(second)).isEqualTo("second");

        session.close();

        List<Message> left = whatIsLeft(queue);
        assertThat(texts(left)).containsExactly("second");
        assertThat(left.get(0).getJMSRedelivered()).isTrue();
        assertThat(left.get(0).getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void closingAClientAcknowledgeSessionRedeliversWhatWasNotAcknowledged() throws Exception {
        send("x", "y", "z");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<Message> firstDelivery = receive(session.createConsumer(queue), 3);
        assertThat(firstDelivery).allSatisfy(m -> assertThat(m.getJMSRedelivered()).isFalse());

        session.close();

        List<Message> left = whatIsLeft(queue);
        assertThat(texts(left)).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(left).allSatisfy(m -> assertThat(m.getJMSRedelivered()).isTrue());
    }

    @Test
    void recoverRedeliversUnacknowledgedMessagesMarkedRedelivered() throws Exception {
        send("r1", "r2", "r3");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        List<Message> first = receive(consumer, 3);
        assertThat(first).allSatisfy(m -> assertThat(m.getJMSRedelivered()).isFalse());

        session.recover();

        List<Message> again = receive(consumer, 3);
        assertThat(texts(again)).containsExactlyInAnyOrder("r1", "r2", "r3");
        for (Message m : again) {
            assertThat(m.getJMSRedelivered()).isTrue();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
        }
        again.get(2).acknowledge();
        session.close();
        assertThat(whatIsLeft(queue)).isEmpty();
    }

    @Test
    void recoverLeavesAcknowledgedMessagesAlone() throws Exception {
        send("acked");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(WAIT).acknowledge();
        send("not acked");
        assertThat(text(consumer.receive(WAIT))).isEqualTo("not acked");

        session.recover();

        Message again = consumer.receive(WAIT);
        assertThat(text(again)).isEqualTo("not acked");
        assertThat(again.getJMSRedelivered()).isTrue();
        again.acknowledge();
        assertNothingMore(consumer);
    }

    @Test
    void aClientAcknowledgeListenerThatDoesNotAcknowledgeGetsItsMessagesAgainAfterClose() throws Exception {
        send("listened");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<Message> seen = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(seen::add);
        await().atMost(Duration.ofMillis(WAIT)).until(() -> !seen.isEmpty());

        session.close();

        List<Message> left = whatIsLeft(queue);
        assertThat(texts(left)).containsExactly("listened");
        assertThat(left.get(0).getJMSRedelivered()).isTrue();
    }

    @Test
    void aClientAcknowledgeListenerThatAcknowledgesConsumesItsMessages() throws Exception {
        send("l1", "l2");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<Message> seen = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            seen.add(m);
            assertThat(thrownBy(m::acknowledge)).isNull();
        });
        await().atMost(Duration.ofMillis(WAIT)).until(() -> seen.size() >= 2);

        session.close();

        assertThat(whatIsLeft(queue)).isEmpty();
    }

    @Test
    void recoverCalledByAListenerRedeliversToTheListener() throws Exception {
        send("recover me");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        List<Message> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            deliveries.add(m);
            if (deliveries.size() == 1) {
                assertThat(thrownBy(session::recover)).isNull();
            } else {
                assertThat(thrownBy(m::acknowledge)).isNull();
            }
        });

        await().atMost(Duration.ofMillis(WAIT)).until(() -> deliveries.size() >= 2);
        session.close();

        assertThat(texts(deliveries.subList(0, 2))).containsExactly("recover me", "recover me");
        assertThat(deliveries.get(1).getJMSRedelivered()).isTrue();
        assertThat(whatIsLeft(queue)).isEmpty();
    }

    @Test
    void dupsOkAcknowledgeDeliversEveryMessageAndMarksAnyDuplicateRedelivered() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add("d" + i);
        }
        send(sent.toArray(String[]::new));
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);

        List<Message> received = receive(consumer, 10);
        assertThat(texts(received)).containsExactlyInAnyOrderElementsOf(sent);
        session.close();

        // Duplicates are allowed in this mode, but a message delivered again says so.
        assertThat(whatIsLeft(queue)).allSatisfy(m -> assertThat(m.getJMSRedelivered()).isTrue());
    }

    @Test
    void acknowledgeIsIgnoredWhereTheSessionAcknowledgesByItself() throws Exception {
        for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
            send("mode " + mode);
            Session session = connection.createSession(false, mode);
            session.createConsumer(queue).receive(WAIT).acknowledge();
            session.close();
            assertThat(whatIsLeft(queue)).isEmpty();
        }

        send("transacted");
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = transacted.createConsumer(queue);
        consumer.receive(WAIT).acknowledge();
        // The transaction, not acknowledge, decides: rolled back, the message comes again.
        transacted.rollback();
        Message again = consumer.receive(WAIT);
        assertThat(text(again)).isEqualTo("transacted");
        assertThat(again.getJMSRedelivered()).isTrue();
        transacted.commit();
    }

    @Test
    void acknowledgeOnAClosedSessionIsIllegal() throws Exception {
        send("late ack");
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message message = session.createConsumer(queue).receive(WAIT);
        session.close();

        assertThatThrownBy(message::acknowledge).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void getAcknowledgeModeReportsTheMode() throws Exception {
        assertThat(connection.createSession(false, Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.CLIENT_ACKNOWLEDGE);
        assertThat(connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE).getAcknowledgeMode())
                .isEqualTo(Session.DUPS_OK_ACKNOWLEDGE);
    }
}
