package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Connection consumers and session-level listeners, as an application server uses them (through a
 * ServerSessionPool): messages in, messages out, each once, acknowledged as the pool's sessions say.
 */
class ConnectionConsumerIT extends JmsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** What a listener saw: text, a property and whether it was a redelivery. */
    private record Seen(String text, int number, boolean redelivered) {
    }

    private static MessageListener recordingInto(List<Seen> seen) {
        return m -> {
            try {
                seen.add(new Seen(((TextMessage) m).getText(), m.getIntProperty("n"), m.getJMSRedelivered()));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void send(Session session, jakarta.jms.Destination to, int count) throws JMSException {
        MessageProducer producer = session.createProducer(to);
        for (int i = 0; i < count; i++) {
            TextMessage m = session.createTextMessage("order " + i);
            m.setIntProperty("n", i);
            producer.send(m);
        }
    }

    @Test
    void aPoolOfSessionsConsumesEveryQueueMessageOnce() throws Exception {
        Connection c = connection();
        Session producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue("orders");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (TestServerSessionPool pool = new TestServerSessionPool(c, 3, Session.AUTO_ACKNOWLEDGE, recordingInto(seen))) {
            ConnectionConsumer consumer = c.createConnectionConsumer(queue, null, pool, 5);
            assertThat(consumer.getServerSessionPool()).isSameAs(pool);
            send(producerSession, queue, 30);
            c.start();

            await().atMost(WAIT).until(() -> seen.size() >= 30);
            assertThat(seen).extracting(Seen::number).containsExactlyInAnyOrderElementsOf(range(30));
            assertThat(seen).extracting(Seen::text).allMatch(t -> t.startsWith("order "));
            assertThat(seen).noneMatch(Seen::redelivered);
            consumer.close();
        }
        // Acknowledged as each listener returned: nothing is left for anyone else.
        MessageConsumer after = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        assertThat(after.receive(2_000)).isNull();
    }

    @Test
    void aSelectorNarrowsWhatTheServerSessionsGet() throws Exception {
        Connection c = connection();
        Session producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue("picked");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (TestServerSessionPool pool = new TestServerSessionPool(c, 2, Session.AUTO_ACKNOWLEDGE, recordingInto(seen))) {
            ConnectionConsumer consumer = c.createConnectionConsumer(queue, "n >= 5", pool, 10);
            send(producerSession, queue, 10);
            c.start();
            await().atMost(WAIT).until(() -> seen.size() >= 5);
            consumer.close();
        }
        assertThat(seen).extracting(Seen::number).containsExactlyInAnyOrder(5, 6, 7, 8, 9);
        MessageConsumer rest = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        c.start();
        List<Integer> left = new ArrayList<>();
        for (Message m; (m = rest.receive(2_000)) != null; ) {
            left.add(m.getIntProperty("n"));
        }
        assertThat(left).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void aListenerThatThrowsGetsItsMessageAgainAsARedelivery() throws Exception {
        Connection c = connection();
        Session producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue("flaky");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        MessageListener failsFirstTime = m -> {
            recordingInto(seen).onMessage(m);
            try {
                if (!m.getJMSRedelivered()) {
                    throw new IllegalStateException("the first attempt fails, as a busy database might");
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
        try (TestServerSessionPool pool = new TestServerSessionPool(c, 1, Session.AUTO_ACKNOWLEDGE, failsFirstTime)) {
            ConnectionConsumer consumer = c.createConnectionConsumer(queue, null, pool, 1);
            send(producerSession, queue, 1);
            c.start();
            await().atMost(WAIT).until(() -> seen.size() >= 2);
            consumer.close();
        }
        assertThat(seen).extracting(Seen::text, Seen::redelivered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order 0", false),
                        org.assertj.core.groups.Tuple.tuple("order 0", true));
    }

    @Test
    void aDurableConnectionConsumerKeepsTopicMessagesWhileClosed() throws Exception {
        Connection c = track(factory("clientId=ra-app").createConnection());
        Session producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = producerSession.createTopic("prices");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (TestServerSessionPool pool = new TestServerSessionPool(c, 2, Session.AUTO_ACKNOWLEDGE, recordingInto(seen))) {
            c.createDurableConnectionConsumer(topic, "ticker", null, pool, 10).close(); // subscribes
            send(producerSession, topic, 4); // while no consumer is open
            ConnectionConsumer consumer = c.createDurableConnectionConsumer(topic, "ticker", null, pool, 10);
            c.start();
            await().atMost(WAIT).until(() -> seen.size() >= 4);
            consumer.close();
        }
        assertThat(seen).extracting(Seen::number).containsExactlyInAnyOrder(0, 1, 2, 3);
        producerSession.unsubscribe("ticker");
    }

    @Test
    void sharedConnectionConsumersSplitASubscriptionsMessages() throws Exception {
        Connection first = connection();
        Connection second = connection();
        Session producerSession = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = producerSession.createTopic("events");
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (TestServerSessionPool a = new TestServerSessionPool(first, 2, Session.AUTO_ACKNOWLEDGE, recordingInto(seen));
             TestServerSessionPool b = new TestServerSessionPool(second, 2, Session.AUTO_ACKNOWLEDGE, recordingInto(seen))) {
            ConnectionConsumer ca = first.createSharedConnectionConsumer(topic, "audit", null, a, 3);
            ConnectionConsumer cb = second.createSharedConnectionConsumer(topic, "audit", null, b, 3);
            first.start();
            second.start();
            send(producerSession, topic, 40);
            await().atMost(WAIT).until(() -> seen.size() >= 40);
            ca.close();
            cb.close();
        }
        assertThat(seen).extracting(Seen::number).containsExactlyInAnyOrderElementsOf(range(40));
    }

    @Test
    void closingReturnsBufferedMessagesToTheQueueAtOnce() throws Exception {
        Connection c = connection();
        Session producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue("handover");
        AtomicInteger delivered = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // One session, busy with its first message until the test says: the rest wait in the buffer.
        MessageListener slow = m -> {
            delivered.incrementAndGet();
            try {
                release.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (TestServerSessionPool pool = new TestServerSessionPool(c, 1, Session.AUTO_ACKNOWLEDGE, slow)) {
            ConnectionConsumer consumer = c.createConnectionConsumer(queue, null, pool, 1);
            send(producerSession, queue, 6);
            c.start();
            await().atMost(WAIT).until(() -> delivered.get() == 1);
            consumer.close();
            release.countDown();
        }
        Connection other = startedConnection();
        MessageConsumer rest = other.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        List<Integer> left = new ArrayList<>();
        for (Message m; left.size() < 5 && (m = rest.receive(3_000)) != null; ) {
            left.add(m.getIntProperty("n"));
        }
        assertThat(left).as("all but the one being processed, back at once, not after a visibility timeout")
                .hasSize(5);
        assertThat(rest.receive(1_000)).isNull();
    }

    @Test
    void badArgumentsAreRefusedWithAClearError() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("args");
        try (TestServerSessionPool pool = new TestServerSessionPool(c, 1, Session.AUTO_ACKNOWLEDGE, m -> { })) {
            assertThatThrownBy(() -> c.createConnectionConsumer(queue, null, null, 1))
                    .isInstanceOf(JMSException.class).hasMessageContaining("ServerSessionPool");
            assertThatThrownBy(() -> c.createConnectionConsumer(queue, null, pool, 0))
                    .isInstanceOf(JMSException.class).hasMessageContaining("maxMessages must be at least 1, was 0");
            assertThatThrownBy(() -> c.createConnectionConsumer(queue, "n >", pool, 1))
                    .isInstanceOf(jakarta.jms.InvalidSelectorException.class);
            assertThatThrownBy(() -> c.createDurableConnectionConsumer(session.createTopic("t"), "d", null, pool, 1))
                    .isInstanceOf(jakarta.jms.IllegalStateException.class).hasMessageContaining("client ID");
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
