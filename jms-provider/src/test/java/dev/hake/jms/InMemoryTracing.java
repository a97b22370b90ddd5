package dev.hake.jms;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An OpenTelemetry SDK with W3C propagation whose spans are kept in memory as each ends, for one
 * test (register it as a {@code @RegisterExtension} field; it closes after the test).
 */
final class InMemoryTracing implements AfterEachCallback {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    OpenTelemetrySdk openTelemetry() {
        return openTelemetry;
    }

    /** The spans ended so far, in the order they ended. */
    List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        openTelemetry.close();
    }
}
