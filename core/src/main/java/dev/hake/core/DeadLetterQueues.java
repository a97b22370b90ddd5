package dev.hake.core;

import dev.hake.core.aws.Topology;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds every queue a consumer reads into its dead-letter queue, when the settings ask for one
 * ({@link HakeSettings#maxDeliveries()} above 0): the queue gets an SQS redrive policy, so that
 * SQS itself moves a message received that many times to the dead-letter queue. Done once per
 * queue per core, when its first consumer opens; the policy then holds for every consumer of the
 * queue, hake's or not.
 *
 * <p>The dead-letter queue's name comes from {@link HakeSettings#deadLetterQueue()}, a name or a
 * pattern with {@code {name}} for the fed queue's name. A queue that is itself a dead-letter queue
 * of that pattern is not fed (a failing consumer of {@code orders-dlq} does not start
 * {@code orders-dlq-dlq}), nor is a temporary queue, which ends with its connection.
 */
final class DeadLetterQueues {

    /** The most SQS keeps a message: a dead letter should outlive the message it was (SQS counts from the first send). */
    static final int RETENTION_SECONDS = 1_209_600;
    private static final String NAME = "{name}";
    private static final String FIFO = ".fifo";

    private final HakeSettings settings;
    private final ResourceNames names;
    private final Topology topology;
    private final Set<String> fed = ConcurrentHashMap.newKeySet();

    DeadLetterQueues(HakeSettings settings, ResourceNames names, Topology topology) {
        this.settings = settings;
        this.names = names;
        this.topology = topology;
    }

    /**
     * Sets {@code queueUrl}'s redrive policy, unless the settings ask for none, it was set already,
     * or {@code sourceName} is a dead-letter queue itself.
     *
     * @param sourceName the fed queue's JMS-level name (without hake's prefix), which {@code {name}} stands for
     */
    void feed(String queueUrl, String sourceName) {
        if (settings.maxDeliveries() == 0 || fed.contains(queueUrl)) {
            return;
        }
        Optional<String> deadLetters = deadLetterQueueFor(settings.deadLetterQueue(), sourceName);
        if (deadLetters.isPresent()) {
            String url = topology.queueUrl(names.queue(deadLetters.get()), settings.createDestinations(),
                    java.util.Map.of(), RETENTION_SECONDS);
            topology.redrive(queueUrl, topology.queueArn(url), settings.maxDeliveries());
        }
        fed.add(queueUrl);
    }

    /**
     * The dead-letter queue of {@code source} under {@code pattern}; empty when {@code source} is
     * one of the pattern's dead-letter queues. A FIFO source gets a FIFO dead-letter queue, as SQS
     * requires: {@code {name}} stands for its name without {@code .fifo}, which ends the result.
     */
    static Optional<String> deadLetterQueueFor(String pattern, String source) {
        boolean fifo = source.endsWith(FIFO);
        String base = fifo ? source.substring(0, source.length() - FIFO.length()) : source;
        String plainPattern = pattern.endsWith(FIFO) ? pattern.substring(0, pattern.length() - FIFO.length()) : pattern;
        if (isMadeBy(plainPattern, base)) {
            return Optional.empty();
        }
        String name = plainPattern.replace(NAME, base);
        return Optional.of(fifo ? name + FIFO : name);
    }

    /** Whether {@code queue} (without .fifo) is what {@code pattern} makes of some name. */
    private static boolean isMadeBy(String pattern, String queue) {
        int at = pattern.indexOf(NAME);
        if (at < 0) {
            return queue.equals(pattern);
        }
        String before = pattern.substring(0, at);
        String after = pattern.substring(at + NAME.length());
        return queue.length() > before.length() + after.length() && queue.startsWith(before) && queue.endsWith(after);
    }
}
