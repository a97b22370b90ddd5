package dev.hake.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.faults.Ledger.AckState;
import dev.hake.faults.Ledger.SendState;
import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer process killed (kill -9) while it holds messages it has not acknowledged: another
 * consumer must get every one of them again once their visibility timeout ends, marked
 * JMSRedelivered, and none of those the dead one acknowledged.
 */
@ExtendWith(HakeBackendExtension.class)
class KilledConsumerIT {

    private static final int MESSAGES = 25;
    private static final int ACKNOWLEDGED = 10;
    private static final int HELD = 8;
    private static final String QUEUE = "held";

    private final HakeTestBackend backend;
    private final String prefix = "k" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final ExceptionLog exceptions = new ExceptionLog();

    KilledConsumerIT(HakeTestBackend backend) {
        this.backend = backend;
    }

    @Test
    void whatTheKilledConsumerHeldComesBackMarkedRedelivered() throws Exception {
        long start = System.nanoTime();
        String uri = backend.hakeUri("prefix=" + prefix + "&visibilityTimeoutSeconds="
                + FaultSettings.VISIBILITY_TIMEOUT_SECONDS);
        Ledger ledger = new Ledger(List.of("queue"));
        Map<String, Long> arrivalNanos = new HashMap<>();
        Process child = null;
        long killedAt;
        try (BackendAdmin admin = new BackendAdmin(backend);
             Connection connection = new HakeConnectionFactory(uri).createConnection()) {
            connection.setExceptionListener(exceptions::listenerCalled);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(QUEUE);
            MessageProducer producer = session.createProducer(queue);
            for (int i = 1; i <= MESSAGES; i++) {
                producer.send(Messages.create(session, Integer.toString(i)));
                ledger.sent(Integer.toString(i), SendState.SENT);
            }

            long childStarted = System.nanoTime();
            Process running = startChild(uri);
            child = running;
            List<String> lines = readLines(running);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lines.contains("READY") || lines.stream().anyMatch(l -> l.startsWith("ERROR"))
                            || !running.isAlive());
            assertThat(lines).as("what the consumer process said").contains("READY");
            List<String> acked = keys(lines, "ACKED ");
            List<String> held = keys(lines, "HELD ");
            assertThat(acked).hasSize(ACKNOWLEDGED);
            assertThat(held).hasSize(HELD);
            // What the child was given counts as delivered; what it acknowledged is gone, the rest must return.
            acked.forEach(k -> ledger.delivered("queue", k, false));
            ledger.settled("queue", acked, AckState.ACKED);
            held.forEach(k -> ledger.delivered("queue", k, false));
            ledger.settled("queue", held, AckState.MUST_RETURN);

            boolean aliveWhenKilled = child.isAlive();
            child.destroyForcibly();
            boolean died = child.waitFor(10, TimeUnit.SECONDS);
            killedAt = System.nanoTime();

            MessageConsumer consumer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
            consumer.setMessageListener(m -> record(m, ledger, arrivalNanos));
            connection.start();
            await().atMost(Duration.ofSeconds(FaultSettings.VISIBILITY_TIMEOUT_SECONDS + 30L))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> ledger.allSettled() && admin.messagesIn(prefix) == 0
                            && ledger.nanosSinceLastDelivery() >= TimeUnit.MILLISECONDS.toNanos(FaultSettings.QUIET_MILLIS));
            consumer.close();

            long earliestReturn = childStarted + TimeUnit.SECONDS.toNanos(FaultSettings.VISIBILITY_TIMEOUT_SECONDS);
            CaseResult result = report(ledger, start);
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(aliveWhenKilled).as("the consumer process was still running when killed").isTrue();
            softly.assertThat(died).as("the consumer process ended when killed").isTrue();
            softly.assertThat(result.lost()).as("held messages that did not come back: %s", result.lostSamples()).isZero();
            softly.assertThat(result.duplicatesAfterAck()).as("acknowledged messages that came back").isZero();
            softly.assertThat(result.unmarked()).as("messages delivered again without JMSRedelivered: %s",
                    result.unmarkedSamples()).isZero();
            for (String key : held) {
                softly.assertThat(arrivalNanos.get(key)).as("held message %s came back after its visibility timeout", key)
                        .isNotNull().isGreaterThanOrEqualTo(earliestReturn);
            }
            System.out.println("[fault-suite] killed-consumer: held messages came back "
                    + held.stream().filter(arrivalNanos::containsKey)
                            .map(k -> String.format("%.1f", (arrivalNanos.get(k) - killedAt) / 1e9))
                            .toList() + " s after the kill");
            softly.assertAll();
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
            try (BackendAdmin admin = new BackendAdmin(backend)) {
                admin.deleteAll(prefix);
            }
        }
    }

    private void record(Message m, Ledger ledger, Map<String, Long> arrivalNanos) {
        try {
            String key = Messages.keyOf(m);
            synchronized (arrivalNanos) {
                arrivalNanos.putIfAbsent(key, System.nanoTime());
            }
            ledger.delivered("queue", key, m.getJMSRedelivered(), Messages.describe(m));
            ledger.settled("queue", List.of(key), AckState.ACKED);
        } catch (JMSException e) {
            exceptions.record("onMessage (reading the message)", e);
        }
    }

    private CaseResult report(Ledger ledger, long start) {
        var sends = ledger.sendCounts();
        CaseResult result = new CaseResult(backend.name(), "killed-consumer", "KILL_9 (" + ACKNOWLEDGED
                + " acked, " + HELD + " held of " + MESSAGES + ")", 0, sends.get(SendState.SENT), 0, 0, 0,
                ledger.unsettled().size(), ledger.duplicates(), ledger.duplicatesAfterAck(), ledger.unmarked(), 0,
                exceptions.counts(), exceptions.firstTexts(), exceptions.listenerCalls(), Map.of("KILL_9", 1L),
                Map.of(), true, new TreeSet<>(ledger.unsettled()), new TreeSet<>(), ledger.unmarkedSamples(),
                (System.nanoTime() - start) / 1e9);
        ReliabilityReport.add(result);
        return result;
    }

    private Process startChild(String uri) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldingConsumer.class.getName(), QUEUE, Integer.toString(ACKNOWLEDGED), Integer.toString(HELD));
        builder.environment().put("HAKE_URI", uri);
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Collects the child's output lines on a thread of their own; the list fills as they come. */
    private static List<String> readLines(Process child) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.startsWith("ERROR") || line.contains("Exception")) {
                        System.out.println("[fault-suite] consumer process: " + line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "holding-consumer-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static List<String> keys(List<String> lines, String tag) {
        List<String> keys = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(tag)) {
                keys.add(line.substring(tag.length()).trim());
            }
        }
        return keys;
    }
}
