package dev.hake.core.wire;

import java.util.Map;

/**
 * The W3C trace context properties, {@code traceparent} and {@code tracestate}, as JMS properties:
 * what Micrometer's and OpenTelemetry's JMS instrumentations (and hake's own spans) set and read.
 * They travel in hake's own attribute, so that they never take one of the ten message attributes
 * from the application's properties; {@code traceparent} is also copied to a native attribute when
 * one is left free, for consumers that are not hake.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private TraceContext() {
    }

    /** Whether {@code name} with {@code value} travels as trace context rather than as an ordinary property. */
    static boolean isTraceContext(String name, Object value) {
        return value instanceof String && (name.equals(TRACEPARENT) || name.equals(TRACESTATE));
    }

    /** The String value of trace property {@code name} among {@code properties}, or null. */
    static String get(Map<String, Object> properties, String name) {
        return properties.get(name) instanceof String s ? s : null;
    }
}
