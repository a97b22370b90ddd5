package dev.hake.core.observe;

import dev.hake.core.CoreApi;
import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.WireMessage;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Builds a core's {@link Observer} from what the application gave (or did not): metrics go to the
 * given Micrometer {@code MeterRegistry}, else to Micrometer's global registry when Micrometer is
 * on the classpath; spans go to the given OpenTelemetry instance, and are not made without one
 * (trace context still travels, for the OpenTelemetry agent or Micrometer's JMS instrumentation).
 * The classes that name Micrometer and OpenTelemetry are loaded only when they are used.
 */
@CoreApi
public final class Observers {

    static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    private Observers() {
    }

    /**
     * The observer for a core with {@code settings}.
     *
     * @param meterRegistry a {@code io.micrometer.core.instrument.MeterRegistry}, or null for Micrometer's global one (if present)
     * @param openTelemetry a {@code io.opentelemetry.api.OpenTelemetry}, or null for no spans
     * @throws HakeException if either is of another type
     */
    public static Observer of(HakeSettings settings, Object meterRegistry, Object openTelemetry) {
        List<Observer> observers = new ArrayList<>(2);
        if (meterRegistry != null) {
            requireType(meterRegistry, METER_REGISTRY, "meterRegistry");
            observers.add(MicrometerMetrics.of(meterRegistry, settings));
        } else if (present(METER_REGISTRY)) {
            observers.add(MicrometerMetrics.global(settings));
        }
        if (openTelemetry != null) {
            requireType(openTelemetry, OPEN_TELEMETRY, "openTelemetry");
            observers.add(OpenTelemetryTraces.of(openTelemetry, settings));
        }
        return observers.isEmpty() ? Observer.NONE : observers.size() == 1 ? observers.get(0) : new Both(observers);
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, Observers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void requireType(Object given, String className, String what) {
        if (!present(className)) {
            throw new HakeException(what + " was given, but " + className + " is not on hake's classpath");
        }
        try {
            if (!Class.forName(className, false, Observers.class.getClassLoader()).isInstance(given)) {
                throw new HakeException(what + " must be a " + className + ", was a " + given.getClass().getName());
            }
        } catch (ClassNotFoundException e) {
            throw new HakeException(what + " was given, but " + className + " is not on hake's classpath", e);
        }
    }

    /** Metrics and traces together. */
    private record Both(List<Observer> observers) implements Observer {

        @Override
        public SendObservation sending(WireMessage message) {
            List<SendObservation> each = observers.stream().map(o -> o.sending(message)).toList();
            return failure -> each.forEach(s -> s.ended(failure));
        }

        @Override
        public void arrived(WireMessage message) {
            observers.forEach(o -> o.arrived(message));
        }

        @Override
        public void expired(WireMessage message) {
            observers.forEach(o -> o.expired(message));
        }

        @Override
        public void acknowledged(WireMessage message) {
            observers.forEach(o -> o.acknowledged(message));
        }

        @Override
        public void deliveryFailed(WireMessage message, int maxDeliveries) {
            observers.forEach(o -> o.deliveryFailed(message, maxDeliveries));
        }

        @Override
        public void prefetched(int delta) {
            observers.forEach(o -> o.prefetched(delta));
        }

        @Override
        public void received(WireMessage message) {
            observers.forEach(o -> o.received(message));
        }

        @Override
        public ProcessObservation processing(WireMessage message) {
            List<ProcessObservation> each = observers.stream().map(o -> o.processing(message)).toList();
            return failure -> {
                // Opened in order, closed in reverse: a span's scope must close before the one it is inside.
                for (int i = each.size() - 1; i >= 0; i--) {
                    each.get(i).ended(failure);
                }
            };
        }

        @Override
        public ExecutionInterceptor requests() {
            return observers.stream().map(Observer::requests).filter(r -> r != null).findFirst().orElse(null);
        }
    }
}
