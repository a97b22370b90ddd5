package dev.hake.core.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of one connection, each built and registered the first time it is used, then found
 * here by its key. Registering is a lookup in the registry (tags sorted, an id built) that would
 * otherwise happen for every message and request. The keys are bounded as the tags are: by the
 * destinations, the AWS actions, and the outcomes.
 */
final class Meters {

    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<MeterKey, DistributionSummary> summaries = new ConcurrentHashMap<>();

    Counter counter(MeterKey key, Function<MeterKey, Counter> register) {
        Counter found = counters.get(key);
        return found != null ? found : counters.computeIfAbsent(key, register);
    }

    Timer timer(MeterKey key, Function<MeterKey, Timer> register) {
        Timer found = timers.get(key);
        return found != null ? found : timers.computeIfAbsent(key, register);
    }

    /** {@code hake.errors} of one type. */
    Counter error(MeterRegistry registry, String type) {
        return counter(MeterKey.of("hake.errors", type), key -> Counter.builder(key.name())
                .description("Errors, by type").tags("type", type).register(registry));
    }

    /** {@code hake.batch.entries} of one action. */
    DistributionSummary batchEntries(MeterRegistry registry, String action) {
        MeterKey key = MeterKey.of("hake.batch.entries", action);
        DistributionSummary found = summaries.get(key);
        return found != null ? found : summaries.computeIfAbsent(key, k -> DistributionSummary.builder(k.name())
                .description("Messages per batch request (SendMessageBatch, PublishBatch, ReceiveMessage,"
                        + " DeleteMessageBatch, ChangeMessageVisibilityBatch)")
                .baseUnit("messages").tags("action", action).register(registry));
    }
}
