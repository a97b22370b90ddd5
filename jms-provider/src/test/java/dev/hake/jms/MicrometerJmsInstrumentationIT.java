package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.jakarta9.instrument.jms.JmsInstrumentation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * hake under Micrometer's own JMS instrumentation ({@code micrometer-jakarta9}'s
 * {@code JmsInstrumentation}, traced through Micrometer Tracing's OpenTelemetry bridge), as a Spring
 * Boot application with Micrometer Tracing has it: the instrumentation writes {@code traceparent}
 * into the message on send and reads it on receipt, and hake carries it, so the consumer's
 * observation continues the producer's trace.
 */
class MicrometerJmsInstrumentationIT extends JmsIntegrationTest {

    @RegisterExtension
    final InMemoryTracing tracing = new InMemoryTracing();
    private OtelTracer tracer;
    private ObservationRegistry observations;

    @BeforeEach
    void micrometerTracing() {
        io.opentelemetry.api.trace.Tracer otel = tracing.openTelemetry().getTracer("shop");
        tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        OtelPropagator propagator = new OtelPropagator(tracing.openTelemetry().getPropagators(), otel);
        observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
    }

    @Test
    void theListenersObservationContinuesTheSendersTrace() throws Exception {
        HakeConnectionFactory traced = factory("");
        traced.setOpenTelemetry(tracing.openTelemetry());
        Connection connection = track(traced.createConnection());
        Session sending = JmsInstrumentation.instrumentSession(connection.createSession(false, Session.AUTO_ACKNOWLEDGE),
                observations);
        Session listening = JmsInstrumentation.instrumentSession(connection.createSession(false, Session.AUTO_ACKNOWLEDGE),
                observations);
        Queue queue = sending.createQueue("invoices");
        Map<String, String> seen = new ConcurrentHashMap<>();
        listening.createConsumer(queue).setMessageListener(m -> {
            seen.put("traceId", tracer.currentSpan().context().traceId());
            seen.put("body", text(m));
        });
        connection.start();

        TextMessage sent = sending.createTextMessage("invoice 7");
        sent.setIntProperty("amount", 120);
        sending.createProducer(queue).send(sent);
        String producerTrace = tracing.finished().stream().filter(s -> s.getName().startsWith("invoices"))
                .findFirst().map(SpanData::getTraceId).orElseThrow(() -> new AssertionError(
                        "Micrometer made no publish span: " + tracing.finished()));

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 2);
        assertThat(seen).containsEntry("traceId", producerTrace).containsEntry("body", "invoice 7");
        await().atMost(Duration.ofSeconds(5)).until(() -> tracing.finished().size() >= 4);
        // Micrometer's publish and process observations, hake's send and process spans: one trace.
        List<String> names = tracing.finished().stream().map(s -> s.getName() + "@" + s.getTraceId()).toList();
        System.out.println("spans: " + names);
        assertThat(tracing.finished()).extracting(SpanData::getTraceId).containsOnly(producerTrace);
        assertThat(tracing.finished()).extracting(SpanData::getName)
                .contains("send invoices", "process invoices");
    }

    @Test
    void aMessageReceivedByAPlainConsumerCarriesTheInstrumentationsTraceparent() throws Exception {
        Connection connection = startedConnection();
        Session sending = JmsInstrumentation.instrumentSession(connection.createSession(false, Session.AUTO_ACKNOWLEDGE),
                observations);
        Queue queue = sending.createQueue("receipts");
        sending.createProducer(queue).send(sending.createTextMessage("receipt 9"));
        SpanData publish = tracing.finished().get(0);

        Session plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message received = plain.createConsumer(queue).receive(10_000);
        assertThat(received.getStringProperty("traceparent"))
                .startsWith("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-"); // then the trace flags
        assertThat(((TextMessage) received).getText()).isEqualTo("receipt 9");
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }
}
