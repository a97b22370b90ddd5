package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A MessageListener that works longer than the visibility timeout keeps its message meanwhile. */
class ListenerVisibilityIT extends JmsIntegrationTest {

    @Test
    void aListenerRunningPastTheVisibilityTimeoutKeepsItsMessageFromOtherConsumers() throws Exception {
        Connection busy = track(factory("visibilityTimeoutSeconds=2").createConnection());
        Session busySession = busy.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = busySession.createQueue("long-work");
        busySession.createProducer(queue).send(busySession.createTextMessage("slow job"));

        CountDownLatch workDone = new CountDownLatch(1);
        List<String> deliveries = new CopyOnWriteArrayList<>();
        busySession.createConsumer(queue).setMessageListener(m -> {
            try {
                deliveries.add(((TextMessage) m).getText() + (m.getJMSRedelivered() ? " (redelivered)" : ""));
                // The work: it ends when the test says so, well after the 2 s visibility timeout.
                workDone.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        busy.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 1);

        Connection other = startedConnection();
        MessageConsumer rival = other.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        // Three visibility timeouts: without extension SQS would have handed the message out again.
        long until = System.currentTimeMillis() + 6_000;
        while (System.currentTimeMillis() < until) {
            assertThat(rival.receive(1_000)).as("the message in the listener's hands").isNull();
        }
        workDone.countDown();

        assertThat(rival.receive(3_000)).as("acknowledged when the listener returned").isNull();
        assertThat(deliveries).containsExactly("slow job");
    }
}
