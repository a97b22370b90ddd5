package dev.hake.testing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes of an in-memory queue that a caller sets (CreateQueue, SetQueueAttributes), with
 * SQS's defaults, checked as SQS checks them: an unknown name, a number out of range, a FIFO
 * attribute on a standard queue or a redrive policy whose dead-letter queue does not exist is
 * refused. Immutable: a change makes new settings.
 */
final class QueueSettings {

    static final int MAX_VISIBILITY_SECONDS = 43_200;

    /** A redrive policy: after {@code maxReceiveCount} receives, the next receive moves the message to the target. */
    record Redrive(String targetArn, int maxReceiveCount) {
    }

    private static final Map<String, String> DEFAULTS = Map.of(
            "VisibilityTimeout", "30", "DelaySeconds", "0", "ReceiveMessageWaitTimeSeconds", "0",
            "MaximumMessageSize", "1048576", "MessageRetentionPeriod", "345600");
    private static final Map<String, int[]> RANGES = Map.of(
            "VisibilityTimeout", new int[] {0, MAX_VISIBILITY_SECONDS}, "DelaySeconds", new int[] {0, 900},
            "ReceiveMessageWaitTimeSeconds", new int[] {0, 20}, "MaximumMessageSize", new int[] {1024, 1_048_576},
            "MessageRetentionPeriod", new int[] {60, 1_209_600});
    private static final Set<String> FREE_TEXT = Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");
    private static final Set<String> FIFO_ONLY = Set.of("FifoQueue", "ContentBasedDeduplication",
            "DeduplicationScope", "FifoThroughputLimit");
    private static final Pattern TARGET = Pattern.compile("\"deadLetterTargetArn\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MAX_RECEIVES = Pattern.compile("\"maxReceiveCount\"\\s*:\\s*\"?(\\d{1,9})\"?");

    private final Map<String, String> values;
    private final Redrive redrive;

    private QueueSettings(Map<String, String> values, Redrive redrive) {
        this.values = Map.copyOf(values);
        this.redrive = redrive;
    }

    /**
     * The settings of a new queue called {@code name}; {@code queuesByArn} finds a dead-letter queue.
     *
     * @throws software.amazon.awssdk.services.sqs.model.SqsException as SQS refuses them
     */
    static QueueSettings forNewQueue(String name, Map<String, String> given,
                                     Function<String, Optional<InMemoryQueue>> queuesByArn) {
        boolean fifo = name.endsWith(".fifo");
        if (fifo != "true".equals(given.get("FifoQueue"))) {
            throw AwsFailures.sqs("InvalidParameterValue", fifo
                    ? "The name of a FIFO queue must end with the .fifo suffix and the queue needs FifoQueue=true."
                    : "Can only set FifoQueue to true, on a queue whose name ends with .fifo.");
        }
        Map<String, String> values = new TreeMap<>(DEFAULTS);
        if (fifo) {
            values.put("ContentBasedDeduplication", "false");
        }
        return new QueueSettings(values, null).with(given, fifo, queuesByArn, true);
    }

    /** These settings with {@code changes} applied (SetQueueAttributes). */
    QueueSettings with(Map<String, String> changes, boolean fifo, Function<String, Optional<InMemoryQueue>> queuesByArn,
                       boolean creating) {
        Map<String, String> next = new TreeMap<>(values);
        Redrive nextRedrive = redrive;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String name = change.getKey();
            String value = change.getValue() == null ? "" : change.getValue();
            check(name, value, fifo, creating);
            if (name.equals("RedrivePolicy")) {
                nextRedrive = value.isEmpty() ? null : redrive(value, fifo, queuesByArn);
            }
            next.put(name, value);
        }
        return new QueueSettings(next, nextRedrive);
    }

    /** True when CreateQueue for an existing queue gives an attribute a value other than the queue's. */
    boolean conflictsWith(Map<String, String> given) {
        return given.entrySet().stream().anyMatch(e -> !e.getValue().equals(values.get(e.getKey())));
    }

    Map<String, String> values() {
        return values;
    }

    int visibilitySeconds() {
        return Integer.parseInt(values.get("VisibilityTimeout"));
    }

    int delaySeconds() {
        return Integer.parseInt(values.get("DelaySeconds"));
    }

    int receiveWaitSeconds() {
        return Integer.parseInt(values.get("ReceiveMessageWaitTimeSeconds"));
    }

    boolean contentBasedDeduplication() {
        return "true".equals(values.get("ContentBasedDeduplication"));
    }

    /** The redrive policy, or null. */
    Redrive redrive() {
        return redrive;
    }

    private static void check(String name, String value, boolean fifo, boolean creating) {
        int[] range = RANGES.get(name);
        if (range != null) {
            try {
                int n = Integer.parseInt(value);
                if (n >= range[0] && n <= range[1]) {
                    return;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw AwsFailures.sqs("InvalidAttributeValue", "Invalid value for the parameter " + name + ".");
        }
        if (FIFO_ONLY.contains(name)) {
            if (!fifo || (name.equals("FifoQueue") && !creating)) {
                throw AwsFailures.sqs("InvalidAttributeName", "Unknown Attribute " + name + ".");
            }
            return;
        }
        if (!FREE_TEXT.contains(name)) {
            throw AwsFailures.sqs("InvalidAttributeName", "Unknown Attribute " + name + ".");
        }
    }

    private static Redrive redrive(String policy, boolean fifo, Function<String, Optional<InMemoryQueue>> queuesByArn) {
        Matcher target = TARGET.matcher(policy);
        Matcher receives = MAX_RECEIVES.matcher(policy);
        if (!target.find() || !receives.find()) {
            throw AwsFailures.sqs("InvalidParameterValue", "Value " + policy
                    + " for parameter RedrivePolicy is invalid. Reason: Redrive policy is not a valid JSON map.");
        }
        int maxReceives = Integer.parseInt(receives.group(1));
        Optional<InMemoryQueue> deadLetters = queuesByArn.apply(target.group(1));
        String problem = deadLetters.isEmpty() ? "Dead letter target does not exist."
                : deadLetters.get().isFifo() != fifo ? "Dead-letter target must be the same type of queue."
                : maxReceives < 1 || maxReceives > 1000 ? "Invalid value for maxReceiveCount: must be 1 to 1000." : null;
        if (problem != null) {
            throw AwsFailures.sqs("InvalidParameterValue", "Value " + policy
                    + " for parameter RedrivePolicy is invalid. Reason: " + problem);
        }
        return new Redrive(target.group(1), maxReceives);
    }
}
