package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 7.3 "Asynchronous send": the {@code CompletionListener} is
 * called once for each message, after the send, with the message and its headers, in the order
 * of one producer's sends; an asynchronous send in a transaction is delivered on commit; and a
 * callback may not close its own producer, session, connection or context.
 */
class AsyncSendIT extends SpecTest {

    private Connection connection;
    private Session session;
    private Queue queue;
    private MessageConsumer consumer;

    @BeforeEach
    void open() throws JMSException {
        connection = startedConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("async");
        consumer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
    }

    /** Records completions (as the message texts, in callback order) and failures. */
    private static final class Recorder implements CompletionListener {
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<Message> messages = new CopyOnWriteArrayList<>();
        final List<Exception> failed = new CopyOnWriteArrayList<>();

        @Override
        public void onCompletion(Message message) {
            messages.add(message);
            try {
                completed.add(((TextMessage) message).getText());
            } catch (JMSException e) {
                failed.add(e);
            }
        }

        @Override
        public void onException(Message message, Exception exception) {
            failed.add(exception);
        }
    }

    @Test
    void theListenerIsCalledOncePerMessageInSendOrder() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        Recorder recorder = new Recorder();
        List<String> sent = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            sent.add("async " + i);
            producer.send(session.createTextMessage("async " + i), recorder);
        }

        await().atMost(Duration.ofMillis(WAIT)).until(() -> recorder.completed.size() + recorder.failed.size() >= 30);
        assertThat(recorder.failed).isEmpty();
        assertThat(recorder.completed).containsExactlyElementsOf(sent);
        assertThat(texts(receive(consumer, 30))).containsExactlyInAnyOrderElementsOf(sent);
        assertNothingMore(consumer);
        assertThat(recorder.completed).hasSize(30);
    }

    @Test
    void theListenerGetsTheSentMessageWithItsHeadersSet() throws Exception {
        MessageProducer producer = session.createProducer(null);
        Recorder recorder = new Recorder();
        TextMessage message = session.createTextMessage("headers");

        producer.send(queue, message, DeliveryMode.NON_PERSISTENT, 7, 600_000, recorder);

        await().atMost(Duration.ofMillis(WAIT)).until(() -> !recorder.messages.isEmpty());
        Message completed = recorder.messages.get(0);
        assertThat(completed.getJMSMessageID()).startsWith("ID:");
        assertThat(completed.getJMSDestination()).isEqualTo(queue);
        assertThat(completed.getJMSPriority()).isEqualTo(7);
        assertThat(completed.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        Message received = consumer.receive(WAIT);
        assertThat(received.getJMSMessageID()).isEqualTo(completed.getJMSMessageID());
        assertThat(received.getJMSPriority()).isEqualTo(7);
        assertThat(received.getJMSExpiration()).isGreaterThan(0);
    }

    @Test
    void everyAsynchronousSendMethodCompletes() throws Exception {
        MessageProducer withDestination = session.createProducer(queue);
        MessageProducer anonymous = session.createProducer(null);
        Recorder recorder = new Recorder();

        withDestination.send(session.createTextMessage("a"), recorder);
        withDestination.send(session.createTextMessage("b"), DeliveryMode.PERSISTENT, 4, 0, recorder);
        anonymous.send(queue, session.createTextMessage("c"), recorder);
        anonymous.send(queue, session.createTextMessage("d"), DeliveryMode.NON_PERSISTENT, 1, 0, recorder);

        await().atMost(Duration.ofMillis(WAIT)).until(() -> recorder.completed.size() >= 4);
        assertThat(recorder.completed).containsExactly("a", "b", "c", "d");
        assertThat(texts(receive(consumer, 4))).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void aCallbackCannotCloseItsOwnProducerSessionOrConnection() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        CompletableFuture<List<Throwable>> attempts = new CompletableFuture<>();

        producer.send(session.createTextMessage("close from callback"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                List<Throwable> thrown = new ArrayList<>();
                thrown.add(thrownBy(producer::close));
                thrown.add(thrownBy(session::close));
                thrown.add(thrownBy(connection::close));
                attempts.complete(thrown);
            }

            @Override
            public void onException(Message message, Exception exception) {
                attempts.completeExceptionally(exception);
            }
        });

        assertThat(attempts.get(WAIT, TimeUnit.MILLISECONDS))
                .hasSize(3).allSatisfy(t -> assertThat(t).isInstanceOf(IllegalStateException.class));
        // None of them was closed.
        producer.send(session.createTextMessage("still open"));
        assertThat(texts(receive(consumer, 2))).containsExactlyInAnyOrder("close from callback", "still open");
    }

    @Test
    void anAsynchronousSendInATransactionIsDeliveredOnCommit() throws Exception {
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Recorder recorder = new Recorder();
        transacted.createProducer(queue).send(transacted.createTextMessage("held"), recorder);

        assertNothingMore(consumer);
        transacted.commit();

        assertThat(text(consumer.receive(WAIT))).isEqualTo("held");
        await().atMost(Duration.ofMillis(WAIT)).until(() -> recorder.completed.size() == 1);
        assertThat(recorder.failed).isEmpty();
    }

    @Test
    void aContextProducerWithAsyncSetCallsTheListenerForEachSendInOrder() {
        JMSContext context = context();
        Recorder recorder = new Recorder();
        JMSProducer producer = context.createProducer().setAsync(recorder);
        assertThat(producer.getAsync()).isSameAs(recorder);
        List<String> sent = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            sent.add("ctx " + i);
            producer.send(queue, "ctx " + i);
        }

        await().atMost(Duration.ofMillis(WAIT)).until(() -> recorder.completed.size() + recorder.failed.size() >= 10);
        assertThat(recorder.failed).isEmpty();
        assertThat(recorder.completed).containsExactlyElementsOf(sent);

        producer.setAsync(null);
        producer.send(queue, "synchronous again");
        assertThat(recorder.completed).hasSize(10);
    }

    @Test
    void aContextCallbackCannotCloseItsOwnContext() throws Exception {
        JMSContext context = context();
        CompletableFuture<Throwable> attempt = new CompletableFuture<>();
        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                attempt.complete(thrownByOrNull(context::close));
            }

            @Override
            public void onException(Message message, Exception exception) {
                attempt.completeExceptionally(exception);
            }
        }).send(queue, "close the context");

        assertThat(attempt.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void closingAProducerSessionOrConnectionWaitsForItsCallbacks() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        Recorder byProducer = new Recorder();
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("p" + i), byProducer);
        }
        producer.close();
        assertThat(byProducer.completed).hasSize(20);

        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Recorder bySession = new Recorder();
        MessageProducer second = other.createProducer(queue);
        for (int i = 0; i < 20; i++) {
            second.send(other.createTextMessage("s" + i), bySession);
        }
        other.close();
        assertThat(bySession.completed).hasSize(20);

        Connection closing = connection();
        Session last = closing.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Recorder byConnection = new Recorder();
        MessageProducer third = last.createProducer(queue);
        for (int i = 0; i < 20; i++) {
            third.send(last.createTextMessage("c" + i), byConnection);
        }
        closing.close();
        assertThat(byConnection.completed).hasSize(20);
        assertThat(texts(receive(consumer, 60))).hasSize(60);
    }

    @Test
    void commitAndRollbackReturnAfterTheCallbacksOfWhatTheySettled() throws Exception {
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        Recorder committed = new Recorder();
        for (int i = 0; i < 5; i++) {
            producer.send(transacted.createTextMessage("kept " + i), committed);
        }
        transacted.commit();
        assertThat(committed.completed).hasSize(5);

        Recorder rolledBack = new Recorder();
        producer.send(transacted.createTextMessage("dropped"), rolledBack);
        transacted.rollback();
        assertThat(rolledBack.failed).hasSize(1);
        assertThat(texts(receive(consumer, 5))).hasSize(5);
        assertNothingMore(consumer);
    }

    @Test
    void aCallbackCannotCommitOrRollBackItsOwnSession() throws Exception {
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        CompletableFuture<Throwable> commit = new CompletableFuture<>();
        CompletableFuture<Throwable> rollback = new CompletableFuture<>();
        transacted.createProducer(queue).send(transacted.createTextMessage("settle from callback"),
                new CompletionListener() {
                    @Override
                    public void onCompletion(Message message) {
                        commit.complete(thrownByOrNull(transacted::commit));
                        rollback.complete(thrownByOrNull(transacted::rollback));
                    }

                    @Override
                    public void onException(Message message, Exception exception) {
                        commit.completeExceptionally(exception);
                    }
                });
        transacted.commit();

        assertThat(commit.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(rollback.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(text(consumer.receive(WAIT))).isEqualTo("settle from callback");
    }

    @Test
    void callbacksComeInSendOrderAcrossDestinations() throws Exception {
        MessageProducer producer = session.createProducer(null);
        jakarta.jms.Topic topic = session.createTopic("async-order");
        Recorder recorder = new Recorder();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add("q" + i);
            producer.send(queue, session.createTextMessage("q" + i), recorder);
            sent.add("t" + i);
            producer.send(topic, session.createTextMessage("t" + i), recorder);
        }
        await().atMost(Duration.ofMillis(WAIT)).until(() -> recorder.completed.size() + recorder.failed.size() >= 20);
        assertThat(recorder.failed).isEmpty();
        assertThat(recorder.completed).containsExactlyElementsOf(sent);
        assertThat(texts(receive(consumer, 10))).hasSize(10);
    }

    private static Throwable thrownByOrNull(Action action) {
        Throwable t = thrownBy(action);
        return t == null ? new AssertionError("nothing was thrown") : t;
    }
}
