package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Start, stop and close, as the spec defines them. */
class ConsumerLifecycleIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void consumerOnAnUnstartedConnectionTakesNothingFromTheQueue() throws Exception {
        Connection idle = connection();
        Session idleSession = idle.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = idleSession.createQueue("unstarted");
        List<jakarta.jms.Message> deliveredToIdle = new CopyOnWriteArrayList<>();
        idleSession.createConsumer(queue).setMessageListener(deliveredToIdle::add);

        Connection active = startedConnection();
        Session s = active.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = s.createProducer(queue);
        MessageConsumer consumer = s.createConsumer(queue);
        for (int i = 0; i < 5; i++) {
            producer.send(s.createTextMessage("m" + i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(consumer.receive(WAIT)).as("message %d", i).isNotNull();
        }
        idle.close();
        assertThat(deliveredToIdle).isEmpty();
    }

    @Test
    void stopPausesListenersAndStartResumes() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("stop-start");
        List<String> got = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> got.add(text(m)));
        Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = ps.createProducer(queue);
        producer.send(ps.createTextMessage("before stop"));
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);

        c.stop();
        producer.send(ps.createTextMessage("while stopped"));
        // Nothing may arrive while stopped; a bounded wait shows it did not.
        MessageConsumer probe = ps.createConsumer(queue);
        assertThat(probe.receive(1_000)).isNull();
        probe.close();
        assertThat(got).containsExactly("before stop");

        c.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
        assertThat(got).containsExactly("before stop", "while stopped");
    }

    @Test
    void closeWaitsForTheListenerInProgress() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("close-waits");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> finished = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.add("done");
        });
        Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        ps.createProducer(queue).send(ps.createTextMessage("slow"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        Thread releaser = new Thread(release::countDown);
        releaser.start();
        session.close();
        assertThat(finished).containsExactly("done");
    }

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseThrows() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("closed");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        consumer.close();
        consumer.close();
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
        session.close();
        session.close();
        assertThatThrownBy(() -> producer.send(session.createTextMessage("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createQueue("x")).isInstanceOf(IllegalStateException.class);
        c.close();
        c.close();
        assertThatThrownBy(() -> c.createSession(false, Session.AUTO_ACKNOWLEDGE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void prefetchedMessagesAreReleasedAtOnceWhenTheConsumerCloses() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("prefetch");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 5; i++) {
            producer.send(session.createTextMessage("p" + i));
        }
        MessageConsumer greedy = session.createConsumer(queue);
        assertThat(greedy.receive(WAIT)).isNotNull();
        greedy.close();

        MessageConsumer next = session.createConsumer(queue);
        for (int i = 0; i < 4; i++) {
            TextMessage m = (TextMessage) next.receive(2_000);
            assertThat(m).as("released message %d came back well before the visibility timeout", i).isNotNull();
            assertThat(m.getJMSRedelivered()).isFalse();
        }
    }

    @Test
    void aClosedConsumerWakesABlockedReceive() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("blocked"));
        List<Object> result = new CopyOnWriteArrayList<>();
        Thread receiver = new Thread(() -> {
            try {
                result.add(String.valueOf(consumer.receive()));
            } catch (Exception e) {
                result.add(e);
            }
        });
        receiver.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.isAlive()
                || receiver.getState() == Thread.State.WAITING || receiver.getState() == Thread.State.TIMED_WAITING);
        assertThat(result).as("receive() returned before the consumer closed").isEmpty();
        consumer.close();
        receiver.join(5_000);
        assertThat(result).containsExactly("null");
    }

    private static String text(jakarta.jms.Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listenersOfManySessionsShareTheConnectionsListenerThreadsAndAllGetTheirMessages() throws Exception {
        Connection c = track(factory("listenerThreads=2").createConnection());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        Session sender = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        for (int i = 0; i < 5; i++) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("pooled-" + i);
            session.createConsumer(queue).setMessageListener(m -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(30, TimeUnit.SECONDS);
                    delivered.add(((TextMessage) m).getText());
                } catch (Exception e) {
                    throw new RuntimeException(e);
                } finally {
                    running.decrementAndGet();
                }
            });
            sender.createProducer(queue).send(sender.createTextMessage("to " + i));
        }
        c.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> running.get() == 2);
        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 5);
        assertThat(delivered).containsExactlyInAnyOrder("to 0", "to 1", "to 2", "to 3", "to 4");
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }
}
