package dev.hake.core.observe;

import dev.hake.core.HakeSettings;
import dev.hake.core.OutcomeUnknownException;
import dev.hake.core.WireMessage;
import dev.hake.core.aws.AwsErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * hake's meters in a Micrometer registry. Names and units follow Micrometer's conventions (dotted
 * lower case, base units); every meter is listed in docs/observability.md. The only class of core,
 * with {@link RequestMetrics}, that names Micrometer.
 */
final class MicrometerMetrics implements Observer {

    /** Gauges count across every connection on a registry: one pair of counts per registry. */
    private static final Map<MeterRegistry, Gauges> GAUGES = Collections.synchronizedMap(new WeakHashMap<>());

    private record Gauges(AtomicInteger prefetched, AtomicInteger listenersActive) {
    }

    private final MeterRegistry registry;
    private final Meters meters;
    private final Gauges gauges;
    private final ExecutionInterceptor requests;

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.gauges = GAUGES.computeIfAbsent(registry, r -> {
            Gauges g = new Gauges(new AtomicInteger(), new AtomicInteger());
            Gauge.builder("hake.prefetch.messages", g.prefetched(), AtomicInteger::get)
                    .description("Messages received from SQS and waiting in consumers' prefetch buffers")
                    .baseUnit("messages").register(r);
            Gauge.builder("hake.listeners.active", g.listenersActive(), AtomicInteger::get)
                    .description("MessageListeners (and message-driven beans) processing a message now")
                    .baseUnit("threads").register(r);
            return g;
        });
        this.meters = new Meters();
        this.requests = new RequestMetrics(registry, meters);
    }

    static Observer of(Object registry, HakeSettings settings) {
        return new MicrometerMetrics((MeterRegistry) registry);
    }

    static Observer global(HakeSettings settings) {
        return new MicrometerMetrics(Metrics.globalRegistry);
    }

    @Override
    public SendObservation sending(WireMessage message) {
        long started = System.nanoTime();
        MessageTags tags = MessageTags.sent(message);
        return new SendObservation() {
            @Override
            public void ended(Throwable failure) {
                String outcome = failure == null ? "success"
                        : AwsErrors.unwrap(failure) instanceof OutcomeUnknownException ? "in_doubt" : "failure";
                sent(tags, outcome);
                if (failure == null) {
                    meters.timer(MeterKey.of("hake.send.duration", tags), key -> Timer.builder(key.name())
                            .description("From send() to AWS accepting the message")
                            .tags("destination", tags.destination(), "kind", tags.kind()).register(registry))
                            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void rolledBack() {
                sent(tags, "rolled_back");
            }
        };
    }

    private void sent(MessageTags tags, String outcome) {
        meters.counter(MeterKey.of("hake.messages.sent", tags, outcome), key -> Counter.builder(key.name())
                .description("Messages sent, by outcome").baseUnit("messages")
                .tags("destination", tags.destination(), "kind", tags.kind(), "outcome", outcome)
                .register(registry)).increment();
    }

    @Override
    public void arrived(WireMessage message) {
        MessageTags tags = MessageTags.consumed(message);
        count("hake.messages.received", "Messages received from SQS by consumers", tags);
        if (message.timestamp() > 0) {
            long age = System.currentTimeMillis() - message.timestamp();
            meters.timer(MeterKey.of("hake.messages.latency", tags), key -> Timer.builder(key.name())
                    .description("From JMSTimestamp (the send) to the message's arrival at a consumer")
                    .tags("destination", tags.destination(), "kind", tags.kind()).register(registry))
                    .record(Duration.ofMillis(Math.max(0, age)));
        }
    }

    @Override
    public void expired(WireMessage message) {
        count("hake.messages.expired", "Messages that arrived past their expiration and were deleted",
                MessageTags.consumed(message));
    }

    @Override
    public void acknowledged(WireMessage message) {
        count("hake.messages.acknowledged", "Messages deleted from their queue once consumed", MessageTags.consumed(message));
    }

    @Override
    public void deliveryFailed(WireMessage message, int maxDeliveries) {
        if (maxDeliveries > 0 && message.deliveryCount() >= maxDeliveries) {
            count("hake.messages.dead.lettered", "Messages given back for the last time: SQS moves them to the"
                    + " dead-letter queue", MessageTags.consumed(message));
        }
    }

    @Override
    public void prefetched(int delta) {
        gauges.prefetched().addAndGet(delta);
    }

    @Override
    public void received(WireMessage message) {
        delivered(message);
    }

    /** A message handed to the application, by receive() or to a listener. */
    private void delivered(WireMessage message) {
        MessageTags tags = MessageTags.consumed(message);
        count("hake.messages.delivered", "Messages handed to the application (receive(), a listener, a bean)", tags);
        if (message.deliveryCount() > 1) {
            count("hake.messages.redelivered", "Messages handed to the application again after a failed or unfinished"
                    + " delivery (JMSRedelivered)", tags);
        }
    }

    @Override
    public ProcessObservation processing(WireMessage message) {
        delivered(message);
        gauges.listenersActive().incrementAndGet();
        return failure -> {
            gauges.listenersActive().decrementAndGet();
            if (failure != null) {
                meters.error(registry, "listener").increment();
            }
        };
    }

    @Override
    public ExecutionInterceptor requests() {
        return requests;
    }

    private void count(String name, String description, MessageTags tags) {
        meters.counter(MeterKey.of(name, tags), key -> Counter.builder(name).description(description)
                .baseUnit("messages").tags("destination", tags.destination(), "kind", tags.kind())
                .register(registry)).increment();
    }
}
