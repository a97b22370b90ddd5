package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Request counts for fixed small workloads: AWS bills per request, so these are hake's cost, and
 * unlike timings they are deterministic enough to assert. Figures are printed for the record.
 */
class RequestCountIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    private static Map<String, Long> snapshot(String... operations) {
        return Stream.of(operations).collect(Collectors.toMap(o -> o, RequestCounter::count));
    }

    private static long delta(Map<String, Long> before, String operation) {
        return RequestCounter.count(operation) - before.get(operation);
    }

    @Test
    void loneSynchronousSendsGoOutAloneAtOnce() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue("lone"));
        producer.send(session.createTextMessage("warm-up"));
        Map<String, Long> before = snapshot("SendMessage", "SendMessageBatch");
        for (int i = 0; i < 10; i++) {
            producer.send(session.createTextMessage("one at a time " + i));
        }
        System.out.printf("10 sync sends: SendMessage=%d SendMessageBatch=%d%n",
                delta(before, "SendMessage"), delta(before, "SendMessageBatch"));
        assertThat(delta(before, "SendMessage")).isEqualTo(10);
        assertThat(delta(before, "SendMessageBatch")).isZero();
    }

    @Test
    void asynchronousSendsShareBatchRequests() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("async-batched");
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("warm-up"));
        int n = 100;
        CountDownLatch sent = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                sent.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                failed.incrementAndGet();
                sent.countDown();
            }
        };
        Map<String, Long> before = snapshot("SendMessage", "SendMessageBatch");
        for (int i = 0; i < n; i++) {
            producer.send(session.createTextMessage("async " + i), listener);
        }
        assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
        long requests = delta(before, "SendMessage") + delta(before, "SendMessageBatch");
        System.out.printf("%d async sends: SendMessage=%d SendMessageBatch=%d (%.2f requests/msg)%n", n,
                delta(before, "SendMessage"), delta(before, "SendMessageBatch"), requests / (double) n);
        assertThat(failed).hasValue(0);
        // At most four requests in flight go out alone; the rest wait and share batches of ten.
        assertThat(requests).isLessThanOrEqualTo(4 + n / 10 + 4);

        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < n + 1; i++) {
            assertThat(consumer.receive(WAIT)).as("message %d", i).isNotNull();
        }
    }

    @Test
    void receivesAndAcknowledgementsAreBatched() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("batched-acks");
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = tx.createProducer(queue);
        int n = 50;
        for (int i = 0; i < n; i++) {
            producer.send(tx.createTextMessage("m" + i));
        }
        Map<String, Long> before = snapshot("SendMessageBatch", "ReceiveMessage", "DeleteMessage",
                "DeleteMessageBatch");
        tx.commit();
        assertThat(delta(before, "SendMessageBatch")).as("a commit of 50 is 5 batches").isEqualTo(5);

        c.start();
        MessageConsumer consumer = session.createConsumer(queue);
        Message last = null;
        for (int i = 0; i < n; i++) {
            last = consumer.receive(WAIT);
            assertThat(last).as("message %d", i).isNotNull();
        }
        last.acknowledge();
        Supplier<String> figures = () -> String.format("ReceiveMessage=%d DeleteMessage=%d DeleteMessageBatch=%d",
                delta(before, "ReceiveMessage"), delta(before, "DeleteMessage"), delta(before, "DeleteMessageBatch"));
        System.out.println("50 received, one acknowledge: " + figures.get());
        assertThat(delta(before, "ReceiveMessage")).as(figures).isLessThanOrEqualTo(8);
        assertThat(delta(before, "DeleteMessage")).as(figures).isZero();
        assertThat(delta(before, "DeleteMessageBatch")).as(figures).isEqualTo(5);
    }
}
