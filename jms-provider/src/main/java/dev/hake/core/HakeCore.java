package dev.hake.core;

import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.Subscriptions;
import dev.hake.core.aws.Topology;
import dev.hake.core.receive.Acknowledger;
import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReleaseLedger;
import dev.hake.core.send.SendCoalescer;
import dev.hake.core.send.Sender;
import dev.hake.core.wire.WireCodec;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything one client of AWS needs, wired once: the SDK clients, the topology, subscriptions,
 * the codec, the sender with its coalescer, and the acknowledger. A JMS connection and a Camel
 * component each own one; they bring their own threads (a scheduler, and an executor on which SDK
 * futures complete).
 */
public final class HakeCore implements AutoCloseable {

    /** Send requests in flight per destination; sends beyond them wait and go out together as a batch. */
    public static final int MAX_SENDS_IN_FLIGHT = 4;

    private final HakeSettings settings;
    private final AwsClients aws;
    private final ResourceNames names;
    private final Topology topology;
    private final Subscriptions subscriptions;
    private final WireCodec codec;
    private final Sender sender;
    private final SendCoalescer coalescer;
    private final Acknowledger acknowledger;
    private final ScheduledExecutorService scheduler;

    private HakeCore(HakeSettings settings, AwsClients aws, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.aws = aws;
        this.scheduler = scheduler;
        this.names = new ResourceNames(settings.prefix());
        this.topology = new Topology(aws, settings);
        this.subscriptions = new Subscriptions(topology, names);
        this.codec = new WireCodec();
        this.sender = new Sender(aws, topology, names, codec, settings);
        this.coalescer = new SendCoalescer(sender, MAX_SENDS_IN_FLIGHT);
        this.acknowledger = new Acknowledger(aws.sqs(), scheduler, ReleaseLedger.shared());
    }

    /**
     * Builds the core. {@code user}/{@code password}, when given, are an access key id and secret
     * key that replace the settings' credentials.
     */
    public static HakeCore open(HakeSettings settings, String user, String password,
                                ScheduledExecutorService scheduler, Executor completions) {
        return new HakeCore(settings, AwsClients.create(settings, user, password, completions), scheduler);
    }

    /** A receive buffer on one queue, for one consumer. */
    public ReceiveBuffer newReceiver(String queueUrl, WireDestination source) {
        return new ReceiveBuffer(aws.sqs(), queueUrl, source, codec::decode, settings, acknowledger,
                ReleaseLedger.shared(), scheduler);
    }

    /** Identifies the backend (region and endpoint) so that JVM-wide registries keep backends apart. */
    public String backendKey() {
        return aws.region() + "|" + settings.endpoint().map(Object::toString)
                .orElse(settings.embedded() ? "embedded" : "aws");
    }

    public HakeSettings settings() {
        return settings;
    }

    public AwsClients aws() {
        return aws;
    }

    public ResourceNames names() {
        return names;
    }

    public Topology topology() {
        return topology;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public WireCodec codec() {
        return codec;
    }

    public Sender sender() {
        return sender;
    }

    public SendCoalescer coalescer() {
        return coalescer;
    }

    public Acknowledger acknowledger() {
        return acknowledger;
    }

    /** Flushes pending acknowledgements and closes the AWS clients; the caller stops its own threads. */
    @Override
    public void close() {
        acknowledger.close();
        aws.close();
    }
}
