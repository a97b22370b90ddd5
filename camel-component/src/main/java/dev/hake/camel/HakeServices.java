package dev.hake.camel;

import dev.hake.core.HakeSettings;
import dev.hake.core.ResourceNames;
import dev.hake.core.WireDestination;
import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.Subscriptions;
import dev.hake.core.aws.Topology;
import dev.hake.core.receive.Acknowledger;
import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReleaseLedger;
import dev.hake.core.send.SendCoalescer;
import dev.hake.core.send.Sender;
import dev.hake.core.wire.WireCodec;
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

    /** Send requests in flight per destination; sends beyond them wait and go out together as a batch. */
    static final int MAX_SENDS_IN_FLIGHT = 4;

    final HakeSettings settings;
    final AwsClients aws;
    final ResourceNames names;
    final Topology topology;
    final Subscriptions subscriptions;
    final WireCodec codec;
    final Sender sender;
    final SendCoalescer coalescer;
    final Acknowledger acknowledger;
    final ScheduledExecutorService scheduler;
    final ExecutorService completions;
    private final ExecutorServiceManager executors;

    HakeServices(HakeSettings settings, ExecutorServiceManager executors, Object owner) {
        this.settings = settings;
        this.executors = executors;
        this.scheduler = executors.newSingleThreadScheduledExecutor(owner, "HakeTimer");
        this.completions = executors.newFixedThreadPool(owner, "HakeIO", 2);
        try {
            this.aws = AwsClients.create(settings, null, null, completions);
        } catch (RuntimeException e) {
            executors.shutdownNow(scheduler);
            executors.shutdownNow(completions);
            throw e;
        }
        this.names = new ResourceNames(settings.prefix());
        this.topology = new Topology(aws, settings);
        this.subscriptions = new Subscriptions(topology, names);
        this.codec = new WireCodec();
        this.sender = new Sender(aws, topology, names, codec, settings);
        this.coalescer = new SendCoalescer(sender, MAX_SENDS_IN_FLIGHT);
        this.acknowledger = new Acknowledger(aws.sqs(), scheduler, ReleaseLedger.shared());
    }

    /** A receive buffer on one queue, for one poll loop. */
    ReceiveBuffer newReceiver(String queueUrl, WireDestination source) {
        return new ReceiveBuffer(aws.sqs(), queueUrl, source, codec::decode, settings, acknowledger,
                ReleaseLedger.shared(), scheduler);
    }

    /** Flushes pending deletes and releases, then closes the clients and stops the threads. */
    @Override
    public void close() {
        acknowledger.close();
        aws.close();
        executors.shutdownNow(scheduler);
        executors.shutdownGraceful(completions);
    }
}
