package dev.hake.faults;

import static java.net.URLEncoder.encode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.faults.proxy.AwsAction;
import dev.hake.faults.proxy.FaultKind;
import dev.hake.faults.proxy.FaultPlan;
import dev.hake.faults.proxy.FaultProxy;
import dev.hake.jms.HakeConnection;
import dev.hake.jms.HakeConnectionFactory;
import dev.hake.jms.HakeInDoubtException;
import dev.hake.jms.SendOutcome;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whole stretches without answers, rather than a share of faulted requests: what the application
 * hears, and that the same connection goes on by itself once the endpoint answers again.
 */
@ExtendWith(HakeBackendExtension.class)
class OutageIT {

    private static final Duration TOLD_WITHIN = Duration.ofSeconds(45);
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(60);

    private final HakeTestBackend backend;
    private final String prefix = "o" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final FaultProxy proxy;
    private final List<JMSException> heard = new CopyOnWriteArrayList<>();
    /** Text of each message the listener got, with the JMSRedelivered of each delivery. */
    private final Map<String, List<Boolean>> deliveries = new ConcurrentHashMap<>();
    private Connection connection;

    OutageIT(HakeTestBackend backend) {
        this.backend = backend;
        this.proxy = FaultProxy.start(backend.endpoint(), 7L);
    }

    @AfterEach
    void cleanUp() throws JMSException {
        if (connection != null) {
            connection.close();
        }
        proxy.close();
        try (BackendAdmin admin = new BackendAdmin(backend)) {
            admin.deleteAll(prefix);
        }
    }

    /** A connection through the proxy, with short polls so no poll from before an outage outlives its start. */
    private Session open() throws JMSException {
        String uri = "hake:?endpoint=" + encode(proxy.endpoint().toString(), UTF_8)
                + "&region=" + encode(backend.region(), UTF_8)
                + "&accessKeyId=" + encode(backend.accessKeyId(), UTF_8)
                + "&secretAccessKey=" + encode(backend.secretAccessKey(), UTF_8)
                + "&prefix=" + prefix + "&receiveWaitSeconds=2&visibilityTimeoutSeconds=5";
        connection = new HakeConnectionFactory(uri).createConnection();
        connection.setExceptionListener(heard::add);
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private void listen(Queue queue) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                deliveries.computeIfAbsent(((TextMessage) m).getText(), t -> new CopyOnWriteArrayList<>())
                        .add(m.getJMSRedelivered());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
    }

    private void awaitDelivered(String text, Duration within) {
        Awaitility.await().atMost(within).until(() -> deliveries.containsKey(text));
    }

    @Test
    void anOutageIsToldOnceAndTheConnectionGoesOnByItselfAfterIt() throws JMSException {
        Session session = open();
        Queue queue = session.createQueue("work");
        MessageProducer producer = session.createProducer(queue);
        listen(queue);
        producer.send(session.createTextMessage("before"));
        awaitDelivered("before", RECOVERED_WITHIN);

        proxy.inject(new FaultPlan(FaultKind.RESET_BEFORE_ANSWER, 1.0, AwsAction.MESSAGE_PATH));
        TextMessage during = session.createTextMessage("during");
        JMSException sendFailure = catchThrowableOfType(JMSException.class, () -> producer.send(during));

        assertThat(sendFailure).as("every attempt's answer was cut: AWS may have stored it")
                .isInstanceOf(HakeInDoubtException.class)
                .hasMessageContaining("may have been sent");
        assertThat(((SendOutcome) sendFailure).inDoubt()).containsExactly(during.getJMSMessageID());
        Awaitility.await().atMost(TOLD_WITHIN).until(() -> !heard.isEmpty());
        assertThat(heard.get(0).getErrorCode()).isEqualTo(HakeConnection.UNREACHABLE);
        assertThat(heard.get(0)).hasMessageContaining("need not be recreated");

        proxy.stopInjecting();
        producer.send(session.createTextMessage("after"));

        awaitDelivered("after", RECOVERED_WITHIN);
        assertThat(heard).as("told once per outage").hasSize(1);
        assertThat(deliveries).doesNotContainKey("during");
    }

    @Test
    void aCommitWhoseAnswersAreLostIsInDoubtAndItsMessagesArriveMarkedWhenCopied() throws JMSException {
        open();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("work");
        MessageProducer producer = transacted.createProducer(queue);
        listen(queue);
        List<String> ids = new ArrayList<>();

        // Only the commit's batch send: a lost poll answer would make SQS count a receive nobody saw.
        proxy.inject(new FaultPlan(FaultKind.ANSWER_LOST_AFTER_APPLY, 1.0, java.util.Set.of("SendMessageBatch")));
        for (int i = 0; i < 3; i++) {
            Message m = transacted.createTextMessage("held-" + i);
            producer.send(m);
            ids.add(m.getJMSMessageID());
        }
        JMSException commitFailure = catchThrowableOfType(JMSException.class, transacted::commit);
        proxy.stopInjecting();

        assertThat(commitFailure).isInstanceOf(HakeInDoubtException.class).hasMessageContaining("commit is in doubt");
        assertThat(((SendOutcome) commitFailure).inDoubt()).containsExactlyElementsOf(ids);
        assertThat(((SendOutcome) commitFailure).sent()).isEmpty();
        for (int i = 0; i < 3; i++) {
            awaitDelivered("held-" + i, RECOVERED_WITHIN);
        }
        // Each lost answer's attempt stored a copy: the first delivery of each is new, every other is marked.
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                .until(() -> deliveries.values().stream().mapToInt(List::size).sum(), n -> n >= 3);
        deliveries.forEach((text, redelivered) -> {
            assertThat(redelivered.get(0)).as(text + ", first delivery").isFalse();
            assertThat(redelivered.subList(1, redelivered.size())).as(text + ", later copies").doesNotContain(false);
        });
    }
}
