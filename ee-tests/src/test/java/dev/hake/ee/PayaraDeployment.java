package dev.hake.ee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.ee.app.Delivery;
import dev.hake.ee.app.DeliveryLog;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.jms.HakeConnectionFactory;
import dev.hake.testing.BackendResources;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * hake's adapter and the test application on Payara Micro, against the test backend, under a name
 * prefix of their own; and a plain hake client in this JVM on the same backend and prefix, to send
 * what the beans consume and to read what they leave.
 *
 * <p>The backend is the one {@code HakeBackendExtension} gives every integration test. The embedded
 * one runs in this JVM but serves HTTP on 127.0.0.1, so the server's JVM reaches it as it reaches
 * moto: no separate process is needed. The adapter gets the backend's settings as its configuration
 * properties, set by a post-boot command before the adapter is deployed, so the beans name only
 * what they consume.
 */
final class PayaraDeployment implements AutoCloseable {

    private final HakeTestBackend backend;
    private final String prefix;
    private final int visibilityTimeoutSeconds;
    private final Path directory;
    private final Path journal;
    private final Connection client;
    private final Session session;
    private PayaraMicro server;
    private int starts;

    private PayaraDeployment(HakeTestBackend backend, String prefix, int visibilityTimeoutSeconds, Path directory,
                             Connection client) throws JMSException {
        this.backend = backend;
        this.prefix = prefix;
        this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
        this.directory = directory;
        this.journal = directory.resolve("deliveries.journal");
        this.client = client;
        this.session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /**
     * Starts the server with the application; its output goes under {@code hake.ee.runDirectory}
     * in a directory named after {@code name}.
     *
     * @param visibilityTimeoutSeconds hake's {@code visibilityTimeoutSeconds}, for the server and
     *                                 the client: how long a message taken and not given back stays hidden
     */
    static PayaraDeployment start(HakeTestBackend backend, String name, int visibilityTimeoutSeconds) throws Exception {
        String prefix = "ee" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Path directory = Path.of(requiredProperty("hake.ee.runDirectory"), name);
        Connection client = new HakeConnectionFactory(backend.hakeUri("prefix=" + prefix
                + "&visibilityTimeoutSeconds=" + visibilityTimeoutSeconds)).createConnection();
        PayaraDeployment deployment = new PayaraDeployment(backend, prefix, visibilityTimeoutSeconds, directory, client);
        try {
            Files.deleteIfExists(deployment.journal); // an earlier run's
            deployment.startServer();
            return deployment;
        } catch (Exception | AssertionError e) {
            deployment.close();
            throw e;
        }
    }

    /** Starts the server again (it must be stopped): the beans resume their queues and subscriptions. */
    void startServer() throws IOException {
        if (server != null && server.isRunning()) {
            throw new IllegalStateException("the server is running");
        }
        Files.createDirectories(directory);
        PayaraMicro.Setup setup = new PayaraMicro.Setup(file("hake.ee.payaraMicro"), file("hake.ee.adapter"),
                file("hake.ee.application"), List.of(adapterConfiguration()),
                Map.of(DeliveryLog.JOURNAL_PROPERTY, journal.toString()));
        starts++;
        server = PayaraMicro.start(setup, directory.resolve("server-" + starts), "deliveries");
        System.out.printf("Payara Micro (pid %d) served the application %d ms after it was started; log %s%n",
                server.pid(), server.startTime().toMillis(), server.log());
    }

    /**
     * Stops the server with SIGTERM and waits for it to exit.
     *
     * @return whether it exited by itself (otherwise it was killed)
     */
    boolean stopServer() {
        return server == null || server.stop();
    }

    boolean serverIsRunning() {
        return server != null && server.isRunning();
    }

    /**
     * The adapter's configuration: where the backend is and the dummy credentials it takes, the
     * prefix and the visibility timeout. In asadmin's property syntax a colon separates
     * properties, so colons in values are escaped.
     */
    private String adapterConfiguration() {
        Map<String, String> properties = Map.of(
                "endpoint", backend.endpoint().toString(),
                "region", backend.region(),
                "accessKeyId", backend.accessKeyId(),
                "secretAccessKey", backend.secretAccessKey(),
                "prefix", prefix,
                "visibilityTimeoutSeconds", Integer.toString(visibilityTimeoutSeconds));
        List<String> pairs = new ArrayList<>();
        properties.forEach((key, value) -> pairs.add(key + "=" + value.replace(":", "\\:")));
        return "create-resource-adapter-config --property " + String.join(":", pairs) + " hake-ra";
    }

    int visibilityTimeoutSeconds() {
        return visibilityTimeoutSeconds;
    }

    Session session() {
        return session;
    }

    /** Sends {@code count} text messages "{@code body} n" with the int property n = 0, 1, ...; {@code more} adds to each. */
    void send(Destination to, int count, String body, IntFunction<Map<String, Integer>> more) throws JMSException {
        try (MessageProducer producer = session.createProducer(to)) {
            for (int n = 0; n < count; n++) {
                Message message = session.createTextMessage(body + " " + n);
                message.setIntProperty("n", n);
                for (Map.Entry<String, Integer> property : more.apply(n).entrySet()) {
                    message.setIntProperty(property.getKey(), property.getValue());
                }
                producer.send(message);
            }
        }
    }

    void send(Destination to, int count, String body) throws JMSException {
        send(to, count, body, n -> Map.of());
    }

    /** What {@code bean} received, as the application reports it. */
    List<Delivery> deliveries(String bean) {
        return server.get("deliveries?bean=" + bean).lines().filter(line -> !line.startsWith("#"))
                .map(Delivery::parse).toList();
    }

    /** Waits for {@code bean} to have processed {@code count} messages, and returns all it received. */
    List<Delivery> awaitProcessed(String bean, int count, Duration limit) {
        await().atMost(limit).untilAsserted(() -> {
            List<Delivery> soFar = deliveries(bean);
            assertThat(soFar.stream().filter(d -> d.outcome().equals(Delivery.PROCESSED)).count())
                    .as("messages %s processed; what it received so far: %s", bean, soFar)
                    .isGreaterThanOrEqualTo(count);
        });
        return deliveries(bean);
    }

    /** Has the application's order desk send in its transaction; its answer ("returned", or "threw: why"). */
    String sendFromTheOrderDesk(String queue, String body, int count, String ending) {
        return server.post("send?queue=" + queue + "&body=" + body + "&count=" + count + "&ending=" + ending).trim();
    }

    int mostAtOnce(String bean) {
        return Integer.parseInt(server.get("deliveries/most-at-once?bean=" + bean).trim());
    }

    /** What the beans recorded in the journal, which outlives the server; for one bean. */
    List<Delivery> journal(String bean) throws IOException {
        if (!Files.exists(journal)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(journal)) {
            return lines.filter(line -> !line.isBlank()).map(Delivery::parse).filter(d -> d.bean().equals(bean)).toList();
        }
    }

    /**
     * Receives from {@code queue} with a plain consumer until {@code enough} holds for what was
     * received, or {@code limit} has passed; returns the n property of each message received.
     */
    List<Integer> drain(Destination queue, Predicate<List<Integer>> enough, Duration limit) throws JMSException {
        List<Integer> received = new ArrayList<>();
        client.start();
        try (MessageConsumer consumer = session.createConsumer(queue)) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!enough.test(received) && System.nanoTime() < deadline) {
                Message message = consumer.receive(1_000);
                if (message != null) {
                    received.add(message.getIntProperty("n"));
                }
            }
        } finally {
            client.stop();
        }
        return received;
    }

    /**
     * Waits until every SQS queue of this deployment whose name contains {@code fragment} (there must be
     * one) holds no message, visible or hidden: what the beans received was all acknowledged.
     */
    void awaitEmpty(String fragment, Duration limit) {
        try (BackendResources aws = resources()) {
            await().atMost(limit).untilAsserted(() -> {
                List<String> queues = aws.queueUrls(prefix).stream().filter(url -> url.contains(fragment)).toList();
                assertThat(queues).as("queues named *%s* under %s", fragment, prefix).isNotEmpty();
                for (String queue : queues) {
                    Map<String, String> attributes = aws.queueAttributes(queue);
                    assertThat(attributes).as(queue).containsEntry("ApproximateNumberOfMessages", "0")
                            .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
                }
            });
        }
    }

    /** Stops the server, closes the client, and deletes every topic, subscription and queue under the prefix. */
    @Override
    public void close() throws JMSException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            client.close();
            try (BackendResources aws = resources()) {
                aws.deleteAll(prefix);
            }
        }
    }

    private BackendResources resources() {
        return new BackendResources(backend.endpoint(), backend.region(), backend.accessKeyId(), backend.secretAccessKey());
    }

    private static Path file(String property) {
        Path path = Path.of(requiredProperty(property));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " names " + path + ", which is not a file; run the tests"
                    + " through Maven (./mvnw verify), which puts it there");
        }
        return path;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the system property " + name + " is not set; run the tests through"
                    + " Maven (./mvnw verify), whose Failsafe configuration sets it");
        }
        return value;
    }
}
