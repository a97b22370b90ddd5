package dev.hake.core;

import dev.hake.core.aws.OrphanSweep;
import dev.hake.core.aws.Topology;
import java.time.Duration;
import java.util.Map;

/**
 * Temporary queues and topics on AWS: created with tags that name their owner and its last sign of
 * life, kept alive by {@link #markAlive} every {@link #HEARTBEAT}, deleted by their owner, and swept
 * by {@link #sweepOrphans} when their owner crashed. What a temporary destination means to a face
 * (who may consume it, when it may be deleted) stays in the face.
 */
public final class TemporaryResources {

    /** Temporary destinations' names start with this (after the settings' prefix). */
    public static final String NAME_PREFIX = "tmp-";
    /** How often an owner must call {@link #markAlive}; orphans are at least three beats older. */
    public static final Duration HEARTBEAT = Duration.ofMinutes(5);

    static final String KIND_TAG = "hake-kind";
    static final String KIND_VALUE = "temporary";
    static final String OWNER_TAG = "hake-connection";
    /** Epoch millis of the owner's last sign of life. */
    static final String ALIVE_TAG = "hake-alive";

    private final Topology topology;
    private final ResourceNames names;

    TemporaryResources(Topology topology, ResourceNames names) {
        this.topology = topology;
        this.names = names;
    }

    /** Creates the queue or topic of a temporary destination, tagged with its owner (a connection id). */
    public void create(WireDestination destination, String owner) {
        Map<String, String> tags = Map.of(KIND_TAG, KIND_VALUE, OWNER_TAG, owner, ALIVE_TAG, now());
        if (destination.isTopic()) {
            topology.createTopic(names.topic(destination.name()), tags);
        } else {
            topology.queueUrl(names.queue(destination.name()), true, tags);
        }
    }

    /** Refreshes the alive tag, so that {@link #sweepOrphans} leaves the destination alone. */
    public void markAlive(WireDestination destination) {
        Map<String, String> alive = Map.of(ALIVE_TAG, now());
        if (destination.isTopic()) {
            topology.tagTopic(topology.topicArn(names.topic(destination.name()), false), alive);
        } else {
            topology.findQueueUrl(names.queue(destination.name())).ifPresent(url -> topology.tagQueue(url, alive));
        }
    }

    /** Deletes it; a queue already gone is not an error. */
    public void delete(WireDestination destination) {
        if (destination.isTopic()) {
            topology.deleteTopic(topology.topicArn(names.topic(destination.name()), false));
        } else {
            topology.findQueueUrl(names.queue(destination.name())).ifPresent(topology::deleteQueue);
        }
    }

    /**
     * Deletes the temporary queues and topics under the settings' prefix whose owner has shown no
     * sign of life for {@code olderThan} (at least three {@link #HEARTBEAT}s); returns how many.
     */
    public static int sweepOrphans(HakeSettings settings, Duration olderThan) {
        if (olderThan.compareTo(HEARTBEAT.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("olderThan must be at least " + HEARTBEAT.multipliedBy(3).toMinutes()
                    + " minutes, or live temporary destinations could be deleted");
        }
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        return new OrphanSweep(settings.prefix() + NAME_PREFIX, tags -> isOrphan(tags, cutoff)).run(settings);
    }

    /** Temporary, and its owner's last sign of life is older than {@code cutoffMillis}. */
    private static boolean isOrphan(Map<String, String> tags, long cutoffMillis) {
        if (!KIND_VALUE.equals(tags.get(KIND_TAG))) {
            return false;
        }
        try {
            return Long.parseLong(tags.getOrDefault(ALIVE_TAG, "0")) < cutoffMillis;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }
}
