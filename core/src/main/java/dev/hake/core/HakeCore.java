package dev.hake.core;

import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.Reachability;
import dev.hake.core.aws.Subscriptions;
import dev.hake.core.aws.Topology;
import dev.hake.core.large.LargeMessageDecoder;
import dev.hake.core.large.LargeMessages;
import dev.hake.core.observe.Observer;
import dev.hake.core.observe.SendObservation;
import dev.hake.core.receive.Acknowledger;
import dev.hake.core.receive.HeldMessages;
import dev.hake.core.receive.PollTurnsByQueue;
import dev.hake.core.receive.PollsInFlight;
import dev.hake.core.receive.QueueScan;
import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.RedeliveryDelay;
import dev.hake.core.receive.DeliveryLedger;
import dev.hake.core.send.SendCoalescer;
import dev.hake.core.send.Sender;
import dev.hake.core.wire.WireCodec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything one client of AWS needs, wired once: the SDK clients, the topology, subscriptions,
 * the codec, the sender with its coalescer, and the acknowledger. A JMS connection and a Camel
 * component each own one; they bring their own threads (a scheduler, and an executor on which SDK
 * futures complete).
 */
public final class HakeCore implements AutoCloseable {

    /** Longest a poll can be in flight (a 20 s long poll plus the trip), and a margin. */
    private static final long POLLS_LANDED_LIMIT_SECONDS = HakeSettings.MAX_WAIT_SECONDS + 10L;

    private final HakeSettings settings;
    private final AwsClients aws;
    private final ResourceNames names;
    private final Topology topology;
    private final TopicSubscriptions subscriptions;
    private final DeadLetterQueues deadLetters;
    private final WireCodec codec;
    private final Observer observer;
    private final LargeMessages large;
    private final LargeMessageDecoder decoder;
    private final Sender sender;
    private final SendCoalescer coalescer;
    private final Acknowledger acknowledger;
    private final TemporaryResources temporaries;
    private final ScheduledExecutorService scheduler;
    private final CoreThreads threads;
    private final PollsInFlight polls = new PollsInFlight();
    private final PollTurnsByQueue pollTurns;

    private HakeCore(HakeSettings settings, AwsClients aws, CoreThreads threads, Observer observer) {
        this.observer = observer;
        this.settings = settings;
        this.aws = aws;
        this.threads = threads;
        this.scheduler = threads.scheduler();
        this.pollTurns = new PollTurnsByQueue(scheduler);
        this.names = new ResourceNames(settings.prefix());
        this.topology = new Topology(aws, settings);
        this.deadLetters = new DeadLetterQueues(settings, names, topology);
        this.subscriptions = new TopicSubscriptions(new Subscriptions(topology, names), names, backendKey(), deadLetters);
        this.codec = new WireCodec();
        this.large = LargeMessages.of(settings, aws);
        this.decoder = new LargeMessageDecoder(codec, large);
        this.sender = new Sender(aws, topology, names, codec, settings, large);
        this.coalescer = new SendCoalescer(sender, large);
        this.temporaries = new TemporaryResources(topology, names);
        this.acknowledger = new Acknowledger(aws.sqs(), scheduler, DeliveryLedger.shared(), HeldMessages.shared(),
                RedeliveryDelay.of(settings), new Acknowledger.Settled() {
                    @Override
                    public void deleted(WireMessage message) {
                        large.deleted(message);
                        observer.acknowledged(message);
                    }

                    @Override
                    public void deliveryFailed(WireMessage message, String queueUrl) {
                        // The queue's own limit: a Camel endpoint's maxDeliveries is not the settings'.
                        observer.deliveryFailed(message, topology.maxReceiveCount(queueUrl));
                    }
                });
    }

    /**
     * Builds the core on {@code threads}, which it stops when it is closed (or here, if it cannot be
     * built). {@code user}/{@code password}, when given, are an access key id and secret key that
     * replace the settings' credentials.
     */
    public static HakeCore open(HakeSettings settings, String user, String password, CoreThreads threads) {
        return open(settings, user, password, threads, Observer.NONE);
    }

    /** As {@link #open(HakeSettings, String, String, CoreThreads)}, telling {@code observer} of its work (metrics, traces). */
    public static HakeCore open(HakeSettings settings, String user, String password, CoreThreads threads,
                                Observer observer) {
        AwsClients aws;
        try {
            aws = AwsClients.create(settings, user, password, threads.completions(), observer.requests());
        } catch (RuntimeException e) {
            threads.stop();
            throw e;
        }
        return open(settings, aws, threads, observer);
    }

    /**
     * Builds the core on clients made elsewhere (in unit tests, an in-memory double of SNS and SQS),
     * which it closes, with {@code threads}, when it is closed (or here, if it cannot be built).
     */
    public static HakeCore open(HakeSettings settings, AwsClients aws, CoreThreads threads) {
        return open(settings, aws, threads, Observer.NONE);
    }

    /** As {@link #open(HakeSettings, AwsClients, CoreThreads)}, telling {@code observer} of its work. */
    public static HakeCore open(HakeSettings settings, AwsClients aws, CoreThreads threads, Observer observer) {
        try {
            return new HakeCore(settings, aws, threads, observer);
        } catch (RuntimeException e) {
            aws.close();
            threads.stop();
            throw e;
        }
    }

    /** A receive buffer on one queue, for one consumer. */
    public ReceiveBuffer newReceiver(String queueUrl, WireDestination source) {
        return new ReceiveBuffer(aws.sqs(), queueUrl, source, decoder, settings, acknowledger,
                DeliveryLedger.shared(), scheduler, polls, pollTurns, observer);
    }

    /**
     * Makes a message ready to send, here, on the caller's thread: encoded, size-checked and its
     * destination resolved. Throws what {@link #publish} would throw at once (too large, no
     * destination), sending nothing. A transaction prepares each message when it is sent and
     * publishes the ready ones at commit, so nothing is encoded twice.
     */
    public Outgoing prepare(Outgoing message) {
        if (message.prepared() != null) {
            return message;
        }
        // Before encoding: a trace's context goes into the message's properties.
        SendObservation observation = observer.sending(message.message());
        try {
            return message.ready(sender.prepare(message.message(), message.producerId()), observation);
        } catch (RuntimeException e) {
            observation.ended(e);
            throw e;
        }
    }

    /**
     * Sends one message, made ready here if it is not (see {@link #prepare}), so a message that can
     * never be sent fails at once and nothing is sent; then it goes out alone, or in a batch with
     * sends to the same destination that wait behind those in flight. Sends with the same non-null
     * {@code orderKey} go out in the order of these calls.
     *
     * @return completes when AWS has accepted the message; fails with {@link OutcomeUnknownException}
     *     when AWS may have accepted it
     */
    public CompletableFuture<Void> publish(Outgoing message, Object orderKey) {
        Outgoing ready = prepare(message);
        return coalescer.send(ready.prepared(), orderKey).whenComplete((ok, failure) -> ready.observation().ended(failure));
    }

    /**
     * As {@link #publish}, for a caller that waits for the outcome (a synchronous send): a message
     * that leaves at once and alone is sent on the calling thread, with a blocking HTTP client, which
     * costs half the CPU of the asynchronous client and no hand-off between threads; the returned
     * future is then complete.
     */
    public CompletableFuture<Void> publishWaiting(Outgoing message, Object orderKey) {
        Outgoing ready = prepare(message);
        return coalescer.sendWaiting(ready.prepared(), orderKey)
                .whenComplete((ok, failure) -> ready.observation().ended(failure));
    }

    /**
     * Sends held messages (a transaction's), in order, in as few batches as the batching rule
     * allows. Every message is made ready before the first request: if one cannot be sent, this
     * throws and nothing is sent.
     *
     * @return per message, in order: null when sent, else why not (in doubt, or refused)
     */
    public CompletableFuture<List<HakeException>> publishAll(List<Outgoing> messages) {
        List<Outgoing> ready = messages.stream().map(this::prepare).toList();
        return coalescer.sendAll(ready.stream().map(Outgoing::prepared).toList()).whenComplete((outcomes, failure) -> {
            for (int i = 0; i < ready.size(); i++) {
                ready.get(i).observation().ended(failure != null ? failure : outcomes.get(i));
            }
        });
    }

    /** What this core tells of its work (metrics, traces); the faces report their listeners' work to it too. */
    public Observer observer() {
        return observer;
    }

    /**
     * The URL of the SQS queue behind a queue or temporary queue. A missing queue is created when
     * the settings allow it, unless it is temporary: a temporary queue that is gone stays gone.
     *
     * @throws DestinationNotFoundException if it does not exist and may not be created
     */
    public String queueUrl(WireDestination queue) {
        if (queue.isTopic()) {
            throw new IllegalArgumentException(queue.name() + " is a topic; a topic's messages are read from a subscription's queue");
        }
        boolean create = !queue.kind().isTemporary() && settings.createDestinations();
        return topology.queueUrl(names.queue(queue.name()), create, java.util.Map.of());
    }

    /**
     * The URL of a queue a consumer reads, as {@link #queueUrl}; when the settings ask for dead
     * letters ({@link HakeSettings#maxDeliveries()}), the queue is fed into its dead-letter queue
     * first (see {@link DeadLetterQueues}).
     *
     * @throws DestinationNotFoundException if it (or its dead-letter queue) does not exist and may not be created
     */
    public String consumedQueueUrl(WireDestination queue) {
        String url = queueUrl(queue);
        if (!queue.kind().isTemporary()) {
            deadLetters.feed(url, queue.name());
        }
        return url;
    }

    /**
     * Moves a message received {@code maxDeliveries} times from {@code queueUrl} to the queue
     * {@code deadLetters} on its next receive (SQS's redrive policy); the dead-letter queue is created
     * when the settings allow it.
     */
    public void sendDeadLettersTo(String queueUrl, WireDestination deadLetters, int maxDeliveries) {
        topology.redrive(queueUrl, topology.queueArn(queueUrl(deadLetters)), maxDeliveries);
    }

    /**
     * A look at the messages on a queue without consuming them (a queue browser); {@code filter}
     * picks the ones the browser shows. See {@link QueueScan} for what a scan costs.
     */
    public QueueScan browse(String queueUrl, WireDestination source, java.util.function.Predicate<WireMessage> filter) {
        return new QueueScan(aws.sqs(), queueUrl, source, decoder, acknowledger, settings, filter);
    }

    /** Tells {@code listener} when AWS stops answering this core's requests (see {@link Reachability}). */
    public void onUnreachable(Reachability.Listener listener) {
        aws.reachability().listen(listener);
    }

    /**
     * Opens a topic subscription for one consumer: creates or finds its queue and SNS subscription,
     * and, for a named one, first claims it in this JVM (across every face), so that consumers that
     * may not share it are refused before AWS is touched. Close the result when the consumer closes.
     *
     * @throws SubscriptionInUseException if it is consumed in a way that does not admit this consumer
     * @throws HakeException if a durable name is already used the other way (shared, unshared)
     */
    public SubscriptionSource subscribe(SubscriptionRequest request) {
        return subscriptions.open(request);
    }

    /**
     * Removes durable subscription {@code name} of {@code clientId} (null: the shared one without a
     * client ID) and what it holds.
     *
     * @throws SubscriptionInUseException if a consumer in this JVM has it open
     * @throws DestinationNotFoundException if there is no such subscription
     */
    public void unsubscribeDurable(String clientId, String name) {
        subscriptions.unsubscribeDurable(clientId, name);
    }

    /**
     * The region of the environment, for AWS itself when the settings name none (the SDK's region
     * chain); slow off EC2, so callers ask once and keep the answer.
     *
     * @throws HakeException if the environment names no region
     */
    public static String regionFromEnvironment() {
        return AwsClients.regionFromEnvironment();
    }

    /** Identifies the backend (region and endpoint) so that JVM-wide registries keep backends apart. */
    public String backendKey() {
        return aws.region() + "|" + settings.endpoint().map(Object::toString)
                .orElse(settings.embedded() ? "embedded" : "aws");
    }

    /** The core's timer thread, which a face may use for short timers of its own (never to block). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public HakeSettings settings() {
        return settings;
    }

    /** The SDK clients, for tests and diagnostics; faces go through the methods above. */
    public AwsClients aws() {
        return aws;
    }

    public Acknowledger acknowledger() {
        return acknowledger;
    }

    /** Creates, keeps alive and deletes temporary queues and topics. */
    public TemporaryResources temporaries() {
        return temporaries;
    }

    /**
     * Flushes pending acknowledgements (waiting, so that what was acknowledged is gone when this
     * returns), then closes the AWS clients once every receive still in flight has landed and
     * released what it brought: SQS cannot cancel a long poll, and a message it hands to a closed
     * client would stay hidden for a visibility timeout. That takes at most a long poll's wait;
     * this method does not wait for it. The returned future completes when the clients are closed
     * and the core's threads stopped.
     */
    public CompletableFuture<Void> closeAsync() {
        return closeClients().whenComplete((ok, failure) -> threads.stop());
    }

    private CompletableFuture<Void> closeClients() {
        acknowledger.close();
        if (polls.isEmpty() && !Thread.currentThread().isInterrupted()) {
            large.close();
            aws.close();
            return CompletableFuture.completedFuture(null);
        }
        // Not on a thread that was interrupted (Spring's listener container interrupts its own at
        // stop): closing the HTTP client waits for its event loop, and an interrupted wait leaves
        // it half shut. Nor on the completion thread that landed the last poll: closing waits for
        // the releases that poll started, which complete on those threads.
        CompletableFuture<Void> closed = new CompletableFuture<>();
        polls.allLanded()
                .orTimeout(POLLS_LANDED_LIMIT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ok, failure) -> {
                    Thread closer = new Thread(() -> {
                        try {
                            acknowledger.close();
                            large.close();
                            aws.close();
                        } finally {
                            closed.complete(null);
                        }
                    }, "hake-closer");
                    closer.setDaemon(true);
                    closer.start();
                });
        return closed;
    }

    /** {@link #closeAsync}, without waiting. */
    @Override
    public void close() {
        closeAsync();
    }
}
