package dev.hake.camel;

import dev.hake.core.CoreThreads;
import dev.hake.core.HakeCore;
import dev.hake.core.observe.Observers;
import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.receive.ReceiveBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * The core objects that endpoints with the same settings share, as a JMS connection shares them
 * among its sessions: one set of AWS clients (one HTTP client and its I/O threads), the topology
 * caches, the sender with its batching coalescer and the acknowledger, and two small thread pools
 * owned by Camel's executor manager. Nothing here runs routes: AWS futures complete on the
 * core's completion threads, and what they trigger in a route is handed elsewhere.
 */
final class HakeServices implements AutoCloseable {

    final HakeSettings settings;
    final HakeCore core;

    HakeServices(HakeSettings settings, ExecutorServiceManager executors, Object owner) {
        this.settings = settings;
        // Meters go to Micrometer's global registry when Micrometer is present; spans are Camel's
        // tracer's (camel-opentelemetry, camel-observation), whose traceparent header travels as a property.
        this.core = HakeCore.open(settings, null, null, camelThreads(executors, owner), Observers.of(settings, null, null));
    }

    /** Threads that Camel's executor manager owns and shows, as Camel wants of its components. */
    private static CoreThreads camelThreads(ExecutorServiceManager executors, Object owner) {
        ScheduledExecutorService scheduler = executors.newSingleThreadScheduledExecutor(owner, "HakeTimer");
        ExecutorService completions = executors.newFixedThreadPool(owner, "HakeIO", 2);
        return CoreThreads.of(scheduler, completions, () -> {
            executors.shutdownNow(scheduler);
            executors.shutdownGraceful(completions);
        });
    }

    /** A receive buffer on one queue, for one poll loop. */
    ReceiveBuffer newReceiver(String queueUrl, WireDestination source) {
        return core.newReceiver(queueUrl, source);
    }

    /**
     * Flushes pending deletes and releases; the clients and threads go once the polls still in
     * flight have landed (see {@link HakeCore#closeAsync}).
     */
    @Override
    public void close() {
        core.closeAsync();
    }
}
