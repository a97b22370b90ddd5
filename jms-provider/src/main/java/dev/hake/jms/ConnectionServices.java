package dev.hake.jms;

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
import dev.hake.jms.message.TrustedClasses;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What one connection shares among all its sessions: the AWS clients, the topology caches, the
 * acknowledger, and a few threads. Listener deliveries run on a pool whose threads exist only
 * while a listener is running, so idle consumers cost no threads.
 */
final class ConnectionServices implements AutoCloseable {

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    /** Requests in flight per destination before further sends wait in line and go as a batch. */
    private static final int MAX_SENDS_IN_FLIGHT = 4;

    final HakeSettings settings;
    final AwsClients aws;
    final ResourceNames names;
    final Topology topology;
    final Subscriptions subscriptions;
    final WireCodec codec;
    final Sender sender;
    /** Batches sends that overlap in time; see {@link SendCoalescer}. */
    final SendCoalescer coalescer;
    final Acknowledger acknowledger;
    final ScheduledExecutorService scheduler;
    final ExecutorService completions;
    final ExecutorService deliveries;
    final Predicate<String> trustedClasses;

    private ConnectionServices(HakeSettings settings, String user, String password) {
        int id = CONNECTIONS.incrementAndGet();
        this.settings = settings;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hake-" + id + "-timer"));
        this.completions = Executors.newFixedThreadPool(2, daemon("hake-" + id + "-io"));
        this.deliveries = Executors.newCachedThreadPool(daemon("hake-" + id + "-delivery"));
        this.aws = AwsClients.create(settings, user, password, completions);
        this.names = new ResourceNames(settings.prefix());
        this.topology = new Topology(aws, settings);
        this.subscriptions = new Subscriptions(topology, names);
        this.codec = new WireCodec();
        this.sender = new Sender(aws, topology, names, codec, settings);
        this.coalescer = new SendCoalescer(sender, MAX_SENDS_IN_FLIGHT);
        this.acknowledger = new Acknowledger(aws.sqs(), scheduler, ReleaseLedger.shared());
        this.trustedClasses = TrustedClasses.packages(settings.trustedPackages());
    }

    static ConnectionServices open(HakeSettings settings, String user, String password) {
        return new ConnectionServices(settings, user, password);
    }

    /** Identifies the backend (region and endpoint) so that JVM-wide registries keep backends apart. */
    String backendKey() {
        return aws.region() + "|" + settings.endpoint().map(Object::toString).orElse(settings.embedded() ? "embedded" : "aws");
    }

    ReceiveBuffer newReceiver(String queueUrl, WireDestination source) {
        return new ReceiveBuffer(aws.sqs(), queueUrl, source, codec::decode, settings, acknowledger,
                ReleaseLedger.shared(), scheduler);
    }

    @Override
    public void close() {
        acknowledger.close();
        aws.close();
        scheduler.shutdownNow();
        completions.shutdown();
        deliveries.shutdown();
        try {
            completions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
