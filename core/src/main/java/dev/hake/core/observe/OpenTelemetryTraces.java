package dev.hake.core.observe;

import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;

/**
 * hake's spans, with OpenTelemetry's messaging semantic conventions: a {@code publish} span
 * (producer) per message sent, whose context travels in the message's {@code traceparent} and
 * {@code tracestate} properties, and a {@code process} span (consumer) per message a listener
 * handles, or a {@code receive} span per message {@code receive()} returns, each a child of the
 * producer's, so that one trace runs from the producer through a topic's fan-out to every
 * subscription's consumer. The only class of core that names OpenTelemetry.
 */
final class OpenTelemetryTraces implements Observer {

    static final String INSTRUMENTATION_NAME = "dev.hake";

    private static final TextMapGetter<Map<String, Object>> PROPERTIES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, Object> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, Object> carrier, String key) {
            return carrier != null && carrier.get(key) instanceof String s ? s : null;
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    private OpenTelemetryTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    static Observer of(Object openTelemetry, HakeSettings settings) {
        return new OpenTelemetryTraces((OpenTelemetry) openTelemetry);
    }

    @Override
    public SendObservation sending(WireMessage message) {
        Context parent = Context.current();
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            // No trace on this thread: continue the one the application put in the message, if any.
            parent = propagator.extract(parent, message.properties(), PROPERTIES);
        }
        WireDestination to = message.destination();
        String operation = to != null && to.isTopic() ? "publish" : "send";
        Span span = tracer.spanBuilder(operation + " " + name(to)).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", to != null && to.isTopic() ? "aws_sns" : "aws_sqs")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.operation.name", operation)
                .setAttribute("messaging.destination.name", name(to))
                .setAttribute("messaging.message.id", String.valueOf(message.messageId()))
                .startSpan();
        propagator.inject(parent.with(span), message.properties(), (carrier, key, value) -> carrier.put(key, value));
        return new SendObservation() {
            @Override
            public void ended(Throwable failure) {
                end(span, failure);
            }

            @Override
            public void rolledBack() {
                span.addEvent("rolled back: not sent");
                span.end();
            }
        };
    }

    @Override
    public ProcessObservation processing(WireMessage message) {
        Span span = consumerSpan("process", message);
        Scope scope = Context.current().with(span).makeCurrent();
        return failure -> {
            scope.close();
            end(span, failure);
        };
    }

    @Override
    public void received(WireMessage message) {
        consumerSpan("receive", message).end();
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    private Span consumerSpan(String operation, WireMessage message) {
        Context sent = propagator.extract(Context.root(), message.properties(), PROPERTIES);
        String from = name(message.destination());
        return tracer.spanBuilder(operation + " " + from).setParent(sent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "aws_sqs")
                .setAttribute("messaging.operation.type", operation)
                .setAttribute("messaging.operation.name", operation)
                .setAttribute("messaging.destination.name", from)
                .setAttribute("messaging.message.id", String.valueOf(message.messageId()))
                .startSpan();
    }

    private static String name(WireDestination d) {
        return d == null ? "unknown" : d.kind().isTemporary() ? MessageTags.TEMPORARY : d.name();
    }
}
