package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 6.2.7 "Transactions" (local transactions of a transacted
 * session): commit sends the messages the transaction produced and acknowledges those it
 * consumed; rollback discards the produced ones and redelivers the consumed ones with
 * JMSRedelivered set; closing a transacted session or its connection rolls back.
 */
class TransactionsIT extends SpecTest {

    private Connection connection;
    private Session observer;
    private Queue queue;
    private MessageConsumer observed;

    @BeforeEach
    void open() throws JMSException {
        connection = startedConnection();
        observer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = observer.createQueue("tx");
        observed = observer.createConsumer(queue);
    }

    private void sendPlain(String... texts) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(queue);
        for (String text : texts) {
            producer.send(session.createTextMessage(text));
        }
        session.close();
    }

    @Test
    void commitSendsTheMessagesTheTransactionHeld() throws Exception {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("t1"));
        producer.send(session.createTextMessage("t2"));
        producer.send(session.createTextMessage("t3"));

        assertNothingMore(observed);

        session.commit();
        assertThat(texts(receive(observed, 3))).containsExactlyInAnyOrder("t1", "t2", "t3");
    }

    @Test
    void rollbackDiscardsTheMessagesTheTransactionHeld() throws Exception {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("discarded"));

        session.rollback();

        assertNothingMore(observed);
    }

    @Test
    void eachCommitOrRollbackStartsTheNextTransaction() throws Exception {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("kept"));
        session.commit();
        producer.send(session.createTextMessage("dropped"));
        session.rollback();
        producer.send(session.createTextMessage("kept too"));
        session.commit();

        assertThat(texts(receive(observed, 2))).containsExactlyInAnyOrder("kept", "kept too");
        assertNothingMore(observed);
    }

    @Test
    void rollbackRedeliversTheConsumedMessagesMarkedRedelivered() throws Exception {
        observed.close();
        sendPlain("c1", "c2");
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(queue);
        List<Message> first = receive(consumer, 2);
        assertThat(first).allSatisfy(m -> assertThat(m.getJMSRedelivered()).isFalse());

        session.rollback();

        List<Message> again = receive(consumer, 2);
        assertThat(texts(again)).containsExactlyInAnyOrder("c1", "c2");
        for (Message m : again) {
            assertThat(m.getJMSRedelivered()).isTrue();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
        }
        session.commit();
        assertNothingMore(consumer);
    }

    @Test
    void commitAcknowledgesTheConsumedMessages() throws Exception {
        observed.close();
        sendPlain("done");
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        assertThat(text(session.createConsumer(queue).receive(WAIT))).isEqualTo("done");

        session.commit();
        session.close();

        assertNothingMore(observer.createConsumer(queue));
    }

    @Test
    void aTransactionCoversConsumingAndProducingTogether() throws Exception {
        Queue input = observer.createQueue("tx-input");
        observer.createProducer(input).send(observer.createTextMessage("request"));
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(input);
        MessageProducer producer = session.createProducer(queue);

        Message request = consumer.receive(WAIT);
        producer.send(session.createTextMessage("reply to " + text(request)));
        session.rollback();
        // Rolled back: no reply went out, and the request is back.
        assertNothingMore(observed);
        Message again = consumer.receive(WAIT);
        assertThat(text(again)).isEqualTo("request");
        assertThat(again.getJMSRedelivered()).isTrue();

        producer.send(session.createTextMessage("reply to " + text(again)));
        session.commit();
        assertThat(text(observed.receive(WAIT))).isEqualTo("reply to request");
        session.close();
        assertNothingMore(observer.createConsumer(input));
    }

    @Test
    void closingATransactedSessionRollsBack() throws Exception {
        observed.close();
        sendPlain("consumed");
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        assertThat(text(session.createConsumer(queue).receive(WAIT))).isEqualTo("consumed");
        session.createProducer(queue).send(session.createTextMessage("produced"));

        session.close();

        MessageConsumer after = observer.createConsumer(queue);
        Message redelivered = after.receive(WAIT);
        assertThat(text(redelivered)).isEqualTo("consumed");
        assertThat(redelivered.getJMSRedelivered()).isTrue();
        assertNothingMore(after);
    }

    @Test
    void closingTheConnectionRollsBackItsTransactions() throws Exception {
        observed.close();
        sendPlain("in flight");
        Connection other = startedConnection();
        Session session = other.createSession(true, Session.SESSION_TRANSACTED);
        assertThat(text(session.createConsumer(queue).receive(WAIT))).isEqualTo("in flight");
        session.createProducer(queue).send(session.createTextMessage("never committed"));

        other.close();

        MessageConsumer after = observer.createConsumer(queue);
        Message redelivered = after.receive(WAIT);
        assertThat(text(redelivered)).isEqualTo("in flight");
        assertThat(redelivered.getJMSRedelivered()).isTrue();
        assertNothingMore(after);
    }

    @Test
    void aTransactionOnATopicPublishesOnCommitOnly() throws Exception {
        Topic topic = observer.createTopic("tx-topic");
        MessageConsumer subscriber = observer.createConsumer(topic);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer publisher = session.createProducer(topic);
        publisher.send(session.createTextMessage("news"));

        assertNothingMore(subscriber);

        session.commit();
        assertThat(text(subscriber.receive(WAIT))).isEqualTo("news");
    }

    @Test
    void aTransactionSpansDestinations() throws Exception {
        Queue other = observer.createQueue("tx-other");
        MessageConsumer otherObserved = observer.createConsumer(other);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer anonymous = session.createProducer(null);
        anonymous.send(queue, session.createTextMessage("to one"));
        anonymous.send(other, session.createTextMessage("to the other"));

        session.commit();

        assertThat(text(observed.receive(WAIT))).isEqualTo("to one");
        assertThat(text(otherObserved.receive(WAIT))).isEqualTo("to the other");
    }

    @Test
    void manyMessagesInOneTransactionAllArrive() throws Exception {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(queue);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add("bulk " + i);
            producer.send(session.createTextMessage("bulk " + i));
        }

        session.commit();

        assertThat(texts(receive(observed, 25))).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void aListenerThatRollsBackGetsTheMessageAgain() throws Exception {
        observed.close();
        sendPlain("roll me back");
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        List<Message> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            deliveries.add(m);
            assertThat(thrownBy(deliveries.size() == 1 ? session::rollback : session::commit)).isNull();
        });

        await().atMost(Duration.ofMillis(WAIT)).until(() -> deliveries.size() >= 2);
        session.close();

        assertThat(texts(deliveries.subList(0, 2))).containsExactly("roll me back", "roll me back");
        assertThat(deliveries.get(1).getJMSRedelivered()).isTrue();
        assertNothingMore(observer.createConsumer(queue));
    }

    @Test
    void aTransactedListenerSessionCommitsWhatTheListenerDid() throws Exception {
        observed.close();
        sendPlain("to listener");
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        CompletableFuture<Throwable> committed = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> committed.complete(thrownBy(session::commit)));

        assertThat(committed.get(WAIT, TimeUnit.MILLISECONDS)).isNull();
        session.close();
        assertNothingMore(observer.createConsumer(queue));
    }
}
