package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Asynchronous sends, delivery delay and time to live. */
class SendOptionsIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;
    private static final long CLOCK_TOLERANCE_MILLIS = 250;

    @Test
    void asyncSendReportsCompletionWithTheMessage() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("async");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        List<CompletableFuture<Message>> completions = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Message> done = new CompletableFuture<>();
            completions.add(done);
            producer.send(session.createTextMessage("async " + i), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    done.complete(message);
                }

                @Override
                public void onException(Message message, Exception exception) {
                    done.completeExceptionally(exception);
                }
            });
        }
        for (CompletableFuture<Message> done : completions) {
            assertThat(((TextMessage) done.get(10, TimeUnit.SECONDS)).getText()).startsWith("async ");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(consumer.receive(WAIT)).isNotNull();
        }
    }

    @Test
    void asyncSendFailureReachesOnException() throws Exception {
        Connection c = track(factory("createDestinations=false").createConnection());
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        aws.sns.createTopic(r -> r.name(prefix + "exists")).join();
        Topic topic = session.createTopic("exists");
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("while it exists"));
        aws.sns.deleteTopic(r -> r.topicArn(aws.topicArns(prefix + "exists").get(0))).join();
        CompletableFuture<Exception> failed = new CompletableFuture<>();
        producer.send(session.createTextMessage("into the void"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                failed.completeExceptionally(new AssertionError("a publish to a deleted topic succeeded"));
            }

            @Override
            public void onException(Message message, Exception exception) {
                failed.complete(exception);
            }
        });
        assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(jakarta.jms.JMSException.class);
    }

    @Test
    void aCompletionListenerMustNotCloseItsOwnProducer() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("completion-close-producer");
        MessageProducer producer = session.createProducer(queue);
        CompletableFuture<Throwable> closing = new CompletableFuture<>();
        producer.send(session.createTextMessage("async"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    producer.close();
                    closing.complete(null);
                } catch (Exception e) {
                    closing.complete(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                closing.complete(exception);
            }
        });
        assertThat(closing.get(10, TimeUnit.SECONDS)).isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining("must not close its own MessageProducer");
        producer.close(); // from any other thread it may
    }

    @Test
    void delayedMessageIsNotDeliveredBeforeItsTime() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("delayed");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(2_000);
        producer.send(session.createTextMessage("later"));
        long sentAt = System.currentTimeMillis();

        Message m = consumer.receive(WAIT);
        long receivedAt = System.currentTimeMillis();
        assertThat(m).isNotNull();
        // The wall clock may be stepped by a few milliseconds on a loaded machine; a delivery
        // before its time would be early by up to the whole delay.
        assertThat(receivedAt).isGreaterThanOrEqualTo(m.getJMSDeliveryTime() - CLOCK_TOLERANCE_MILLIS);
        assertThat(m.getJMSDeliveryTime()).isGreaterThanOrEqualTo(sentAt + 1_900);
        assertThat(m.getJMSRedelivered()).isFalse();
    }

    @Test
    void delayedTopicMessageIsNotDeliveredBeforeItsTime() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("delayed-topic");
        MessageConsumer consumer = session.createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.setDeliveryDelay(1_500);
        producer.send(session.createTextMessage("later"));

        Message m = consumer.receive(WAIT);
        assertThat(m).isNotNull();
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(m.getJMSDeliveryTime() - CLOCK_TOLERANCE_MILLIS);
    }

    @Test
    void expiredMessageIsNeverDelivered() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("ttl");
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(1);
        producer.send(session.createTextMessage("too late"));
        producer.setTimeToLive(0);
        producer.send(session.createTextMessage("in time"));
        MessageConsumer consumer = session.createConsumer(queue);

        TextMessage m = (TextMessage) consumer.receive(WAIT);
        assertThat(m.getText()).isEqualTo("in time");
        assertThat(consumer.receive(1_000)).isNull();
    }
}
