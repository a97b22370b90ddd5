package dev.hake.core.observe;

import dev.hake.core.CoreApi;
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
     * @throws IllegalArgumentException if either is of another type
     */
    public static Observer of(HakeSettings settings, Object meterRegistry, Object openTelemetry) {
        List<Observer> observers = new ArrayList<>(2);
        if (meterRegistry != null) {
            requireMeterRegistry(meterRegistry);
            observers.add(MicrometerMetrics.of(meterRegistry, settings));
        } else if (present(METER_REGISTRY)) {
            observers.add(MicrometerMetrics.global(settings));
        }
        if (openTelemetry != null) {
            requireOpenTelemetry(openTelemetry);
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

    /**
     * Checks that a {@code meterRegistry} given by the application is a Micrometer
     * {@code MeterRegistry}; null passes (it means the global registry).
     *
     * @throws IllegalArgumentException naming the expected type, if it is another, or Micrometer is absent
     */
    public static void requireMeterRegistry(Object meterRegistry) {
        requireType(meterRegistry, METER_REGISTRY, "meterRegistry");
    }

    /**
     * Checks that an {@code openTelemetry} given by the application is an {@code OpenTelemetry};
     * null passes (it means no spans).
     *
     * @throws IllegalArgumentException naming the expected type, if it is another, or OpenTelemetry is absent
     */
    public static void requireOpenTelemetry(Object openTelemetry) {
        requireType(openTelemetry, OPEN_TELEMETRY, "openTelemetry");
    }

    private static void requireType(Object given, String className, String what) {
        if (given == null) {
            return;
        }
        Class<?> expected;
        try {
            expected = Class.forName(className, false, Observers.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(what + " must be a " + className + ", which is not on hake's classpath", e);
        }
        if (!expected.isInstance(given)) {
            throw new IllegalArgumentException(what + " must be a " + className + ", was a " + given.getClass().getName());
        }
    }

    /** Metrics and traces together. */
    private record Both(List<Observer> observers) implements Observer {

        @Override
        public SendObservation sending(WireMessage message) {
            List<SendObservation> each = observers.stream().map(o -> o.sending(message)).toList();
            return new SendObservation() {
                @Override
                public void ended(Throwable failure) {
                    each.forEach(s -> s.ended(failure));
                }

                @Override
                public void rolledBack() {
                    each.forEach(SendObservation::rolledBack);
                }
            };
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
