package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator sees of hake: one trace from a producer through a topic to every subscription's
 * consumer (OpenTelemetry, in-memory exporter), trace context that costs no attribute slot, and
 * meters (Micrometer) that count a known workload as it happened.
 */
class ObservabilityIT extends JmsIntegrationTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @RegisterExtension
    final InMemoryTracing tracing = new InMemoryTracing();

    @Test
    void oneTraceRunsFromTheProducerThroughATopicToBothSubscriptions() throws Exception {
        Connection connection = tracedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("orders");
        Map<String, String> traceSeenBy = new ConcurrentHashMap<>();
        for (String subscription : List.of("billing", "shipping")) {
            Session own = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            own.createSharedDurableConsumer(topic, subscription).setMessageListener(
                    m -> traceSeenBy.put(subscription, Span.current().getSpanContext().getTraceId()));
        }
        connection.start();

        Span checkout = tracing.openTelemetry().getTracer("shop").spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (Scope ignored = checkout.makeCurrent()) {
            session.createProducer(topic).send(session.createTextMessage("order 42"));
        } finally {
            checkout.end();
        }

        await().atMost(WITHIN).until(() -> traceSeenBy.size() == 2 && tracing.finished().size() == 4);
        String traceId = checkout.getSpanContext().getTraceId();
        assertThat(traceSeenBy).containsEntry("billing", traceId).containsEntry("shipping", traceId);
        List<SpanData> finished = tracing.finished();
        SpanData publish = finished.stream().filter(s -> s.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
        List<SpanData> processed = finished.stream().filter(s -> s.getKind() == SpanKind.CONSUMER).toList();
        assertThat(publish.getName()).isEqualTo("publish orders");
        assertThat(publish.getParentSpanId()).isEqualTo(checkout.getSpanContext().getSpanId());
        assertThat(publish.getAttributes().asMap().toString()).contains("messaging.system=aws_sns")
                .contains("messaging.destination.name=orders");
        assertThat(processed).hasSize(2).allSatisfy(s -> {
            assertThat(s.getName()).isEqualTo("process orders");
            assertThat(s.getTraceId()).isEqualTo(traceId);
            assertThat(s.getParentSpanId()).isEqualTo(publish.getSpanId());
            assertThat(s.getAttributes().asMap().toString()).contains("messaging.system=aws_sqs");
        });
        System.out.print("one trace through a topic with two subscriptions:\n" + SpanTreePicture.text(finished));
        SpanTreePicture.write(finished, Path.of("target", "observability", "trace-through-a-topic.png"));
    }

    @Test
    void tenPropertiesAndTheTraceContextFitAndArrive() throws Exception {
        Session session = tracedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("crowded");
        Queue roomy = session.createQueue("roomy");
        MessageProducer producer = session.createProducer(null);
        TextMessage crowded = session.createTextMessage("ten properties");
        for (int i = 0; i < 10; i++) {
            crowded.setStringProperty("p" + i, "v" + i);
        }
        TextMessage few = session.createTextMessage("two properties");
        few.setIntProperty("a", 1);
        few.setIntProperty("b", 2);

        Span span = tracing.openTelemetry().getTracer("test").spanBuilder("send both").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            producer.send(queue, crowded);
            producer.send(roomy, few);
        } finally {
            span.end();
        }

        // As a plain SQS consumer sees them: the crowded one has no slot left for traceparent, the
        // roomy one carries it as an attribute too.
        Map<String, ?> crowdedAttributes = rawAttributes(prefix + "crowded");
        Map<String, ?> roomyAttributes = rawAttributes(prefix + "roomy");
        assertThat(crowdedAttributes).hasSizeLessThanOrEqualTo(10).doesNotContainKey("traceparent");
        assertThat(roomyAttributes).containsKey("traceparent");

        Connection reader = track(factory.createConnection());
        reader.start();
        Session readerSession = reader.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message received = readerSession.createConsumer(queue).receive(10_000);
        for (int i = 0; i < 10; i++) {
            assertThat(received.getStringProperty("p" + i)).isEqualTo("v" + i);
        }
        assertThat(received.getStringProperty("traceparent"))
                .startsWith("00-" + span.getSpanContext().getTraceId() + "-");
        Message other = readerSession.createConsumer(roomy).receive(10_000);
        assertThat(other.getStringProperty("traceparent")).isEqualTo(roomyAttributes.get("traceparent").toString());
    }

    @Test
    void xRaysTraceHeaderGoesToSqsAsTheSystemAttributeAndComesBackAsAProperty() throws Exception {
        String header = "Root=1-67891233-abcdef012345678912345678;Parent=463ac35c9f6413ad;Sampled=1";
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("xray");
        TextMessage sent = session.createTextMessage("traced by X-Ray");
        sent.setStringProperty("JMS_HakeAWSTraceHeader", header);
        session.createProducer(queue).send(sent);

        // What SQS (and so X-Ray, a Lambda, any SQS client) holds: the system attribute.
        String url = aws.queueUrl(prefix + "xray");
        var raw = aws.sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5).visibilityTimeout(0)
                .messageSystemAttributeNames(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.AWS_TRACE_HEADER))
                .join().messages().get(0);
        assertThat(raw.attributes()).containsEntry(
                software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.AWS_TRACE_HEADER, header);

        Message received = session.createConsumer(queue).receive(10_000);
        assertThat(received.getStringProperty("JMS_HakeAWSTraceHeader")).isEqualTo(header);
        assertThat(((TextMessage) received).getText()).isEqualTo("traced by X-Ray");
    }

    @Test
    void aSendRolledBackEndsItsSpanAndSendsNothing() throws Exception {
        Connection connection = tracedConnection();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("undone");
        transacted.createProducer(queue).send(transacted.createTextMessage("never sent"));
        transacted.rollback();

        SpanData send = tracing.finished().stream().filter(s -> s.getName().equals("send undone"))
                .findFirst().orElseThrow(() -> new AssertionError("no ended span 'send undone' in " + tracing.finished()));
        assertThat(send.getEvents()).extracting(e -> e.getName()).containsExactly("rolled back: not sent");
        connection.start();
        assertThat(transacted.createConsumer(queue).receive(500)).isNull();
    }

    @Test
    void metersCountAKnownWorkloadAndTheRequestsAsTheyWereMade() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HakeConnectionFactory metered = factory("");
        metered.setMeterRegistry(registry);
        Connection connection = track(metered.createConnection());
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("counted");
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = transacted.createConsumer(queue);
        Map<String, Long> before = RequestCounter.all();
        Map<String, Long> meteredBefore = meteredRequests(registry);

        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 5; i++) {
            producer.send(session.createTextMessage("job " + i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(consumer.receive(10_000)).isNotNull();
        }
        transacted.createProducer(queue).send(transacted.createTextMessage("dropped by the rollback"));
        transacted.rollback();
        for (int i = 0; i < 5; i++) {
            assertThat(consumer.receive(10_000).getJMSRedelivered()).isTrue();
        }
        transacted.commit();
        connection.close();
        Map<String, Long> requests = since(before, RequestCounter.all());

        assertThat(count(registry, "hake.messages.sent", "destination", "counted", "outcome", "success")).isEqualTo(5);
        assertThat(count(registry, "hake.messages.sent", "destination", "counted", "outcome", "rolled_back")).isEqualTo(1);
        // SQS handed each message out once; the rollback gave them back to the session, which delivered them again.
        assertThat(count(registry, "hake.messages.received", "destination", "counted")).isEqualTo(5);
        assertThat(count(registry, "hake.messages.delivered", "destination", "counted")).isEqualTo(10);
        assertThat(count(registry, "hake.messages.redelivered", "destination", "counted")).isEqualTo(5);
        assertThat(count(registry, "hake.messages.acknowledged", "destination", "counted")).isEqualTo(5);
        assertThat(registry.get("hake.send.duration").tag("destination", "counted").timer().count()).isEqualTo(5);
        assertThat(registry.get("hake.prefetch.messages").gauge().value()).isZero();
        Map<String, Long> counted = since(meteredBefore, meteredRequests(registry));
        System.out.println("requests by action, as hake's meters saw them: " + counted
                + "; as the SDK's request counter saw them: " + requests);
        assertThat(counted).isEqualTo(requests);
    }

    @Test
    void theLastFailedDeliveryBeforeTheDeadLetterQueueIsCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HakeConnectionFactory metered = factory("maxDeliveries=2");
        metered.setMeterRegistry(registry);
        Connection connection = track(metered.createConnection());
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("failing");
        MessageConsumer consumer = transacted.createConsumer(queue);
        transacted.createProducer(queue).send(transacted.createTextMessage("fails twice"));
        transacted.commit();

        assertThat(consumer.receive(10_000)).isNotNull();
        transacted.rollback();
        assertThat(count(registry, "hake.messages.dead.lettered", "destination", "failing"))
                .as("after the first of two deliveries").isZero();
        assertThat(consumer.receive(10_000).getJMSRedelivered()).isTrue();
        transacted.rollback();

        await().atMost(WITHIN).until(() -> count(registry, "hake.messages.dead.lettered", "destination", "failing") == 1);
        // SQS moves the message when someone asks for it once more.
        assertThat(consumer.receive(2_000)).as("a third delivery").isNull();
        Session plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message deadLetter = plain.createConsumer(plain.createQueue("failing-dlq")).receive(10_000);
        assertThat(((TextMessage) deadLetter).getText()).isEqualTo("fails twice");
    }

    /** A connection whose spans go to {@link #tracing}. */
    private Connection tracedConnection() throws Exception {
        HakeConnectionFactory traced = factory("");
        traced.setOpenTelemetry(tracing.openTelemetry());
        return track(traced.createConnection());
    }

    /** hake.aws.requests by action, all outcomes together. */
    private static Map<String, Long> meteredRequests(SimpleMeterRegistry registry) {
        Map<String, Long> byAction = new TreeMap<>();
        for (Meter meter : registry.find("hake.aws.requests").meters()) {
            byAction.merge(meter.getId().getTag("action"), ((Timer) meter).count(), Long::sum);
        }
        return byAction;
    }

    private static long count(SimpleMeterRegistry registry, String name, String... tags) {
        return (long) registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((operation, n) -> {
            long d = n - before.getOrDefault(operation, 0L);
            if (d > 0) {
                delta.put(operation, d);
            }
        });
        return delta;
    }

    /** The message attributes of the message waiting on {@code queueName}, read by a plain SQS client and left there. */
    private Map<String, ?> rawAttributes(String queueName) {
        String url = aws.queueUrl(queueName);
        var m = aws.sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All").waitTimeSeconds(5)
                .visibilityTimeout(0)).join().messages().get(0);
        Map<String, Object> attributes = new TreeMap<>();
        m.messageAttributes().forEach((name, value) -> attributes.put(name,
                value.stringValue() != null ? value.stringValue() : value.dataType()));
        return attributes;
    }
}
