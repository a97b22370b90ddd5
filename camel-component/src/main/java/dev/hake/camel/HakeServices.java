package dev.hake.camel;

import dev.hake.core.HakeCore;
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
 * owned by Camel's executor manager. Nothing here runs routes: AWS futures complete on
 * {@link #completions}, and what they trigger in a route is handed elsewhere.
 */
final class HakeServices implements AutoCloseable {

    final HakeSettings settings;
    final HakeCore core;
    final ScheduledExecutorService scheduler;
    final ExecutorService completions;
    private final ExecutorServiceManager executors;

    HakeServices(HakeSettings settings, ExecutorServiceManager executors, Object owner) {
        this.settings = settings;
        this.executors = executors;
        this.scheduler = executors.newSingleThreadScheduledExecutor(owner, "HakeTimer");
        this.completions = executors.newFixedThreadPool(owner, "HakeIO", 2);
        try {
            this.core = HakeCore.open(settings, null, null, scheduler, completions);
        } catch (RuntimeException e) {
            executors.shutdownNow(scheduler);
            executors.shutdownNow(completions);
            throw e;
        }
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
        core.closeAsync().whenComplete((ok, failure) -> {
            executors.shutdownNow(scheduler);
            executors.shutdownGraceful(completions);
        });
    }
}
