package dev.hake.embedded.internal.sqs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queue attributes that ElasticMQ accepts but does not keep (or refuses to set), kept here so
 * that GetQueueAttributes answers with what was set, as SQS does. They are stored, never enforced:
 * a Policy does not restrict anyone, a retention period deletes nothing.
 */
public final class RememberedQueueAttributes {

    /** ElasticMQ 1.6 drops these on CreateQueue, and ignores or rejects them on SetQueueAttributes. */
    static final Set<String> NAMES = Set.of(
            "Policy", "MessageRetentionPeriod", "MaximumMessageSize", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "RedriveAllowPolicy");

    /** What SQS reports for a queue where these were never set (MaximumMessageSize: 1 MiB since 2025-08-04). */
    private static final Map<String, String> DEFAULTS = Map.of(
            "MessageRetentionPeriod", "345600",
            "MaximumMessageSize", String.valueOf(SqsMessageSize.MAX_BYTES),
            "SqsManagedSseEnabled", "false");

    private final Map<String, Map<String, String>> byQueueName = new ConcurrentHashMap<>();

    /** True for an attribute that this class keeps instead of ElasticMQ. */
    static boolean isRemembered(String attributeName) {
        return NAMES.contains(attributeName);
    }

    /** Records values for a queue (those of other names are ignored); later values win. */
    void remember(String queueName, Map<String, String> attributes) {
        attributes.forEach((name, value) -> {
            if (isRemembered(name)) {
                byQueueName.computeIfAbsent(queueName, q -> new ConcurrentHashMap<>()).put(name, value);
            }
        });
    }

    /**
     * The values of a queue whose names were asked for ({@code All} asks for every one), with
     * SQS's defaults for those never set.
     */
    Map<String, String> recall(String queueName, Iterable<String> requestedNames) {
        Map<String, String> stored = new LinkedHashMap<>(DEFAULTS);
        stored.putAll(byQueueName.getOrDefault(queueName, Map.of()));
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : requestedNames) {
            if ("All".equals(name)) {
                result.putAll(stored);
            } else if (stored.containsKey(name)) {
                result.put(name, stored.get(name));
            }
        }
        return result;
    }

    /** Forgets a deleted queue, so that a new queue of the same name starts clean. */
    void forget(String queueName) {
        byQueueName.remove(queueName);
    }
}
