package dev.hake.core;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of a hake connection, immutable. Built with {@link #builder()} or parsed from a
 * {@code hake:} URI by {@link HakeUri}; the JMS connection factory, JNDI and the Camel component
 * all map onto these same keys. Each option is documented once, on its builder setter, and listed
 * with its default in the README.
 */
public final class HakeSettings {

    /** The most messages one SQS ReceiveMessage call may return. */
    public static final int MAX_RECEIVE_BATCH = 10;
    /** The longest long poll SQS allows. */
    public static final int MAX_WAIT_SECONDS = 20;
    /** Default of {@link Builder#listenerThreads}. */
    public static final int DEFAULT_LISTENER_THREADS = 32;
    /** The longest visibility timeout SQS allows: 12 hours. */
    public static final int MAX_VISIBILITY_SECONDS = 43_200;
    /** The most receives SQS's redrive policy counts before it moves a message (its maxReceiveCount). */
    public static final int MAX_DELIVERIES_LIMIT = 1_000;
    /** Default of {@link Builder#deadLetterQueue}: a dead-letter queue per queue and subscription. */
    public static final String DEFAULT_DEAD_LETTER_QUEUE = "{name}-dlq";
    /** Default of {@link Builder#roleSessionName}. */
    public static final String DEFAULT_ROLE_SESSION_NAME = "hake";
    /** The largest message SQS accepts (since 2025-08-04): body plus attribute names, types and values. */
    public static final int SQS_MAX_MESSAGE_BYTES = 1_048_576;
    /** The largest message SNS accepts, counted the same way. */
    public static final int SNS_MAX_MESSAGE_BYTES = 262_144;

    private final String region;
    private final URI endpoint;
    private final String prefix;
    private final String clientId;
    private final boolean createDestinations;
    private final boolean embedded;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final int receiveBatchSize;
    private final int receiveWaitSeconds;
    private final int visibilityTimeoutSeconds;
    private final int listenerThreads;
    private final List<String> trustedPackages;
    private final int maxDeliveries;
    private final String deadLetterQueue;
    private final int redeliveryDelaySeconds;
    private final double redeliveryBackoffMultiplier;
    private final int maxRedeliveryDelaySeconds;
    private final String roleArn;
    private final String roleExternalId;
    private final String roleSessionName;
    private final String largeMessageBucket;
    private final int largeMessageThreshold;
    private final boolean largeMessageAlwaysThroughS3;
    private final boolean largeMessageDeleteOnAcknowledge;

    private HakeSettings(Builder b) {
        this.region = b.region;
        this.endpoint = b.endpoint;
        this.prefix = b.prefix;
        this.clientId = b.clientId;
        this.createDestinations = b.createDestinations;
        this.embedded = b.embedded;
        this.accessKeyId = b.accessKeyId;
        this.secretAccessKey = b.secretAccessKey;
        this.sessionToken = b.sessionToken;
        this.receiveBatchSize = b.receiveBatchSize;
        this.receiveWaitSeconds = b.receiveWaitSeconds;
        this.visibilityTimeoutSeconds = b.visibilityTimeoutSeconds;
        this.listenerThreads = b.listenerThreads;
        this.trustedPackages = List.copyOf(b.trustedPackages);
        this.maxDeliveries = b.maxDeliveries;
        this.deadLetterQueue = b.deadLetterQueue;
        this.redeliveryDelaySeconds = b.redeliveryDelaySeconds;
        this.redeliveryBackoffMultiplier = b.redeliveryBackoffMultiplier;
        this.maxRedeliveryDelaySeconds = b.maxRedeliveryDelaySeconds;
        this.roleArn = b.roleArn;
        this.roleExternalId = b.roleExternalId;
        this.roleSessionName = b.roleSessionName;
        this.largeMessageBucket = b.largeMessageBucket;
        this.largeMessageThreshold = b.largeMessageThreshold;
        this.largeMessageAlwaysThroughS3 = b.largeMessageAlwaysThroughS3;
        this.largeMessageDeleteOnAcknowledge = b.largeMessageDeleteOnAcknowledge;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** AWS region; empty means us-east-1 with an endpoint or the embedded backend, else the SDK's region chain. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** Endpoint override for both SNS and SQS; empty means AWS's own endpoints. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    public String prefix() {
        return prefix;
    }

    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public boolean createDestinations() {
        return createDestinations;
    }

    /** True for {@code hake:embedded}: the endpoint is the in-JVM embedded backend. */
    public boolean embedded() {
        return embedded;
    }

    public Optional<String> accessKeyId() {
        return Optional.ofNullable(accessKeyId);
    }

    /** The secret key; never printed by {@link #toString()}. */
    public Optional<String> secretAccessKey() {
        return Optional.ofNullable(secretAccessKey);
    }

    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    public int receiveBatchSize() {
        return receiveBatchSize;
    }

    public int receiveWaitSeconds() {
        return receiveWaitSeconds;
    }

    public int visibilityTimeoutSeconds() {
        return visibilityTimeoutSeconds;
    }

    /** The most threads one JMS connection runs MessageListeners and CompletionListeners on at once. */
    public int listenerThreads() {
        return listenerThreads;
    }

    public List<String> trustedPackages() {
        return trustedPackages;
    }

    /** Deliveries a message gets before SQS moves it to its dead-letter queue; 0: no dead-letter queue. */
    public int maxDeliveries() {
        return maxDeliveries;
    }

    /**
     * The dead-letter queue's JMS name, or a pattern in which {@code {name}} stands for the name of
     * the queue that feeds it; meaningful when {@link #maxDeliveries()} is above 0.
     */
    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    /** Seconds before a message given back after a failed delivery comes again, the first time. */
    public int redeliveryDelaySeconds() {
        return redeliveryDelaySeconds;
    }

    /** What each further redelivery's delay is multiplied by (1: the same delay every time). */
    public double redeliveryBackoffMultiplier() {
        return redeliveryBackoffMultiplier;
    }

    /** The longest redelivery delay, in seconds, however many deliveries failed. */
    public int maxRedeliveryDelaySeconds() {
        return maxRedeliveryDelaySeconds;
    }

    /** An IAM role to assume (through STS) with the configured or default credentials; empty: none. */
    public Optional<String> roleArn() {
        return Optional.ofNullable(roleArn);
    }

    /** The external id the role's trust policy asks for; empty: none. */
    public Optional<String> roleExternalId() {
        return Optional.ofNullable(roleExternalId);
    }

    /** The session name of the assumed role, seen in CloudTrail. */
    public String roleSessionName() {
        return roleSessionName;
    }

    /** The S3 bucket that carries bodies too large for SQS or SNS; empty: large messages are refused. */
    public Optional<String> largeMessageBucket() {
        return Optional.ofNullable(largeMessageBucket);
    }

    /** Encoded size above which a message's body goes to S3; 0: the destination's limit. */
    public int largeMessageThreshold() {
        return largeMessageThreshold;
    }

    /** Whether every message's body goes to S3, whatever its size. */
    public boolean largeMessageAlwaysThroughS3() {
        return largeMessageAlwaysThroughS3;
    }

    /** Whether acknowledging a large message read from a queue deletes its S3 object. */
    public boolean largeMessageDeleteOnAcknowledge() {
        return largeMessageDeleteOnAcknowledge;
    }

    @Override
    public String toString() {
        return "HakeSettings[region=" + region + ", endpoint=" + endpoint + ", prefix=" + prefix
                + ", clientId=" + clientId + ", createDestinations=" + createDestinations
                + ", embedded=" + embedded
                + ", credentials=" + (accessKeyId == null ? "default chain" : "static (hidden)")
                + ", receiveBatchSize=" + receiveBatchSize + ", receiveWaitSeconds=" + receiveWaitSeconds
                + ", visibilityTimeoutSeconds=" + visibilityTimeoutSeconds
                + ", listenerThreads=" + listenerThreads
                + ", trustedPackages=" + trustedPackages
                + ", maxDeliveries=" + maxDeliveries + (maxDeliveries > 0 ? ", deadLetterQueue=" + deadLetterQueue : "")
                + ", redeliveryDelaySeconds=" + redeliveryDelaySeconds
                + ", redeliveryBackoffMultiplier=" + redeliveryBackoffMultiplier
                + ", maxRedeliveryDelaySeconds=" + maxRedeliveryDelaySeconds
                + (roleArn == null ? "" : ", roleArn=" + roleArn + ", roleExternalId="
                        + (roleExternalId == null ? "none" : "(hidden)") + ", roleSessionName=" + roleSessionName)
                + (largeMessageBucket == null ? "" : ", largeMessageBucket=" + largeMessageBucket
                        + ", largeMessageThreshold=" + largeMessageThreshold
                        + ", largeMessageAlwaysThroughS3=" + largeMessageAlwaysThroughS3
                        + ", largeMessageDeleteOnAcknowledge=" + largeMessageDeleteOnAcknowledge)
                + "]";
    }

    /** Builds {@link HakeSettings}; every setter validates its value and names it when it refuses. */
    public static final class Builder {
        private String region;
        private URI endpoint;
        private String prefix = "";
        private String clientId;
        private boolean createDestinations = true;
        private boolean embedded;
        private String accessKeyId;
        private String secretAccessKey;
        private String sessionToken;
        private int receiveBatchSize = MAX_RECEIVE_BATCH;
        private int receiveWaitSeconds = MAX_WAIT_SECONDS;
        private int visibilityTimeoutSeconds = 30;
        private int listenerThreads = DEFAULT_LISTENER_THREADS;
        private List<String> trustedPackages = List.of("java.lang", "java.util", "java.time", "java.math");
        private int maxDeliveries;
        private String deadLetterQueue = DEFAULT_DEAD_LETTER_QUEUE;
        private int redeliveryDelaySeconds;
        private double redeliveryBackoffMultiplier = 1.0;
        private int maxRedeliveryDelaySeconds = 3_600;
        private String roleArn;
        private String roleExternalId;
        private String roleSessionName = DEFAULT_ROLE_SESSION_NAME;
        private String largeMessageBucket;
        private int largeMessageThreshold;
        private boolean largeMessageAlwaysThroughS3;
        private boolean largeMessageDeleteOnAcknowledge = true;

        private Builder() {
        }

        private Builder(HakeSettings s) {
            region = s.region;
            endpoint = s.endpoint;
            prefix = s.prefix;
            clientId = s.clientId;
            createDestinations = s.createDestinations;
            embedded = s.embedded;
            accessKeyId = s.accessKeyId;
            secretAccessKey = s.secretAccessKey;
            sessionToken = s.sessionToken;
            receiveBatchSize = s.receiveBatchSize;
            receiveWaitSeconds = s.receiveWaitSeconds;
            visibilityTimeoutSeconds = s.visibilityTimeoutSeconds;
            listenerThreads = s.listenerThreads;
            trustedPackages = s.trustedPackages;
            maxDeliveries = s.maxDeliveries;
            deadLetterQueue = s.deadLetterQueue;
            redeliveryDelaySeconds = s.redeliveryDelaySeconds;
            redeliveryBackoffMultiplier = s.redeliveryBackoffMultiplier;
            maxRedeliveryDelaySeconds = s.maxRedeliveryDelaySeconds;
            roleArn = s.roleArn;
            roleExternalId = s.roleExternalId;
            roleSessionName = s.roleSessionName;
            largeMessageBucket = s.largeMessageBucket;
            largeMessageThreshold = s.largeMessageThreshold;
            largeMessageAlwaysThroughS3 = s.largeMessageAlwaysThroughS3;
            largeMessageDeleteOnAcknowledge = s.largeMessageDeleteOnAcknowledge;
        }

        /**
         * AWS region, e.g. {@code eu-west-1}. Default: us-east-1 when an endpoint is set or with the
         * embedded backend; otherwise the SDK's region chain, asked once per connection factory.
         */
        public Builder region(String region) {
            this.region = blankToNull(region);
            return this;
        }

        /**
         * Endpoint override for SNS and SQS alike, e.g. {@code http://127.0.0.1:4566} for LocalStack or
         * moto. Default: none (AWS).
         */
        public Builder endpoint(URI endpoint) {
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
                throw new IllegalArgumentException("option 'endpoint' must be an absolute http(s) URL, was " + endpoint);
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Prepended to every queue and topic name hake derives, so that several environments share
         * one account ({@code dev-}, {@code test-}). Default: empty.
         */
        public Builder prefix(String prefix) {
            String p = prefix == null ? "" : prefix;
            if (!p.matches("[A-Za-z0-9_-]*") || p.length() > 40) {
                throw new IllegalArgumentException(
                        "option 'prefix' may hold only letters, digits, '-' and '_' (at most 40), was '" + p + "'");
            }
            this.prefix = p;
            return this;
        }

        /** Client ID preset on every connection (needed for durable subscriptions). Default: none. */
        public Builder clientId(String clientId) {
            this.clientId = blankToNull(clientId);
            return this;
        }

        /**
         * Whether hake creates missing topics and queues on first use. With false, a missing one is an
         * InvalidDestinationException. Default: true.
         */
        public Builder createDestinations(boolean createDestinations) {
            this.createDestinations = createDestinations;
            return this;
        }

        /** Use the in-JVM embedded backend (needs hake-embedded on the classpath). Default: false. */
        public Builder embedded(boolean embedded) {
            this.embedded = embedded;
            return this;
        }

        /** Static AWS access key id. Default: the SDK's default credentials chain. */
        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = blankToNull(accessKeyId);
            return this;
        }

        /** Static AWS secret key, used with {@link #accessKeyId}. Never logged or printed. */
        public Builder secretAccessKey(String secretAccessKey) {
            this.secretAccessKey = blankToNull(secretAccessKey);
            return this;
        }

        /** Session token for temporary static credentials. Never logged or printed. */
        public Builder sessionToken(String sessionToken) {
            this.sessionToken = blankToNull(sessionToken);
            return this;
        }

        /** How many messages one receive request asks for (1 to 10). Default: 10, the cheapest. */
        public Builder receiveBatchSize(int receiveBatchSize) {
            this.receiveBatchSize = checkRange("receiveBatchSize", receiveBatchSize, 1, MAX_RECEIVE_BATCH);
            return this;
        }

        /**
         * Longest long poll of a consumer with a MessageListener, in seconds (0 to 20). Longer polls
         * cost fewer requests on idle queues. Default: 20.
         */
        public Builder receiveWaitSeconds(int receiveWaitSeconds) {
            this.receiveWaitSeconds = checkRange("receiveWaitSeconds", receiveWaitSeconds, 0, MAX_WAIT_SECONDS);
            return this;
        }

        /**
         * Visibility timeout of the queues hake creates, in seconds: how long a received message stays
         * hidden before SQS hands it out again if it is neither acknowledged nor released. Default: 30.
         */
        public Builder visibilityTimeoutSeconds(int visibilityTimeoutSeconds) {
            this.visibilityTimeoutSeconds =
                    checkRange("visibilityTimeoutSeconds", visibilityTimeoutSeconds, 0, MAX_VISIBILITY_SECONDS);
            return this;
        }

        /**
         * The most threads one JMS connection runs listeners on at once (MessageListeners and
         * CompletionListeners; each session runs one at a time). Sessions beyond it wait their turn,
         * so a thousand sessions with slow listeners still cost only this many threads; threads
         * that stay idle for a minute go away. Default 32 (1-1000). Raise it when more listeners
         * that block for long must run in parallel on one connection.
         */
        public Builder listenerThreads(int listenerThreads) {
            this.listenerThreads = checkRange("listenerThreads", listenerThreads, 1, 1000);
            return this;
        }

        /**
         * Packages whose classes an ObjectMessage may deserialise (sub-packages included). Anything
         * else is refused and never deserialised. Default: java.lang, java.util, java.time, java.math.
         */
        public Builder trustedPackages(List<String> trustedPackages) {
            Objects.requireNonNull(trustedPackages, "trustedPackages");
            for (String p : trustedPackages) {
                if (!p.equals("*") && !p.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
                    throw new IllegalArgumentException("option 'trustedPackages' holds an invalid package name '" + p + "'");
                }
            }
            this.trustedPackages = List.copyOf(trustedPackages);
            return this;
        }

        /**
         * How many deliveries a message gets before SQS moves it to the {@link #deadLetterQueue}
         * instead of delivering it again (1 to 1000; 0, the default: never, a message is redelivered
         * until it is acknowledged or its retention ends). Set as the redrive policy of every queue
         * hake consumes from, subscription queues included. SQS counts receives, so a message hake
         * received and gave back undelivered (skipped by a selector, prefetched by a consumer that
         * closed) counts too: leave room for those.
         */
        public Builder maxDeliveries(int maxDeliveries) {
            this.maxDeliveries = checkRange("maxDeliveries", maxDeliveries, 0, MAX_DELIVERIES_LIMIT);
            return this;
        }

        /**
         * Where a message goes after {@link #maxDeliveries} deliveries: a queue name (one dead-letter
         * queue for all), or a pattern in which {@code {name}} is the name of the queue that feeds
         * it (for a subscription, its SQS queue's name without the prefix). A FIFO queue's dead
         * letters go to a FIFO queue: {@code .fifo} is appended where the name lacks it. Created
         * when missing, as other queues are. Default: {@code {name}-dlq}.
         */
        public Builder deadLetterQueue(String deadLetterQueue) {
            String queue = blankToNull(deadLetterQueue);
            if (queue == null) {
                queue = DEFAULT_DEAD_LETTER_QUEUE;
            }
            if (!queue.replace("{name}", "n").matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("option 'deadLetterQueue' must be a queue name (letters, digits, '-',"
                        + " '_', '.') in which {name} may stand for the queue that feeds it, was '" + queue + "'");
            }
            this.deadLetterQueue = queue;
            return this;
        }

        /**
         * Seconds before a message comes again after a failed delivery (a listener threw in
         * AUTO_ACKNOWLEDGE, {@code recover()}, {@code rollback()}, a rolled-back MDB transaction), the
         * first time (0 to 43200). The message is given back to SQS with this visibility timeout: no
         * thread waits. Default: 0, at once.
         */
        public Builder redeliveryDelaySeconds(int redeliveryDelaySeconds) {
            this.redeliveryDelaySeconds = checkRange("redeliveryDelaySeconds", redeliveryDelaySeconds, 0,
                    MAX_VISIBILITY_SECONDS);
            return this;
        }

        /**
         * What the redelivery delay is multiplied by after each further failed delivery (1 to 100).
         * Default: 1, the same delay every time.
         */
        public Builder redeliveryBackoffMultiplier(double redeliveryBackoffMultiplier) {
            if (!(redeliveryBackoffMultiplier >= 1.0 && redeliveryBackoffMultiplier <= 100.0)) {
                throw new IllegalArgumentException("option 'redeliveryBackoffMultiplier' must be between 1 and 100, was "
                        + redeliveryBackoffMultiplier);
            }
            this.redeliveryBackoffMultiplier = redeliveryBackoffMultiplier;
            return this;
        }

        /** The longest redelivery delay, in seconds (0 to 43200). Default: 3600. */
        public Builder maxRedeliveryDelaySeconds(int maxRedeliveryDelaySeconds) {
            this.maxRedeliveryDelaySeconds = checkRange("maxRedeliveryDelaySeconds", maxRedeliveryDelaySeconds, 0,
                    MAX_VISIBILITY_SECONDS);
            return this;
        }

        /**
         * An IAM role to assume through STS, e.g. {@code arn:aws:iam::123456789012:role/orders}: hake
         * calls SQS and SNS with the role's credentials, renewed before they expire. The role is
         * assumed with the static credentials if set, else with the SDK's default chain. Default:
         * none. (Web identity, EKS Pod Identity and ECS task roles need no setting: the default
         * chain finds them.)
         */
        public Builder roleArn(String roleArn) {
            String arn = blankToNull(roleArn);
            if (arn != null && !arn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
                throw new IllegalArgumentException("option 'roleArn' must be an IAM role ARN"
                        + " (arn:aws:iam::ACCOUNT:role/NAME), was '" + arn + "'");
            }
            this.roleArn = arn;
            return this;
        }

        /** The external id the role's trust policy asks for, with {@link #roleArn}. Never logged or printed. */
        public Builder roleExternalId(String roleExternalId) {
            this.roleExternalId = blankToNull(roleExternalId);
            return this;
        }

        /** The session name of the assumed role (2 to 64 of letters, digits and {@code =,.@-}). Default: hake. */
        public Builder roleSessionName(String roleSessionName) {
            String name = blankToNull(roleSessionName);
            if (name == null) {
                name = DEFAULT_ROLE_SESSION_NAME;
            }
            if (!name.matches("[\\w+=,.@-]{2,64}")) {
                throw new IllegalArgumentException("option 'roleSessionName' must be 2 to 64 letters, digits or"
                        + " '+=,.@-_', was '" + name + "'");
            }
            this.roleSessionName = name;
            return this;
        }

        /**
         * An S3 bucket for message bodies too large for SQS (1 MiB) or SNS (256 KiB): such a body
         * is stored there and the message carries a pointer to it, in the format of Amazon's SQS
         * and SNS Extended Client libraries, so that their users and hake's read each other's
         * messages. The bucket must exist; the application needs s3:PutObject, s3:GetObject and
         * s3:DeleteObject on it, and {@code software.amazon.awssdk:s3} on its classpath. Default:
         * none, and a message over the limit is refused with nothing sent.
         */
        public Builder largeMessageBucket(String largeMessageBucket) {
            String bucket = blankToNull(largeMessageBucket);
            if (bucket != null && (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || bucket.contains(".."))) {
                throw new IllegalArgumentException("option 'largeMessageBucket' must be an S3 bucket name (3 to 63"
                        + " lowercase letters, digits, '.' and '-', starting and ending with a letter or digit), was '"
                        + bucket + "'");
            }
            this.largeMessageBucket = bucket;
            return this;
        }

        /**
         * Encoded size in bytes (body plus attributes, as AWS counts it) above which a message's body
         * goes to S3, with {@link #largeMessageBucket} (0 to 1048576; a topic's threshold is at most
         * 262144). Default: 0, the destination's own limit, so that only what AWS would refuse goes
         * to S3.
         */
        public Builder largeMessageThreshold(int largeMessageThreshold) {
            this.largeMessageThreshold = checkRange("largeMessageThreshold", largeMessageThreshold, 0,
                    SQS_MAX_MESSAGE_BYTES);
            return this;
        }

        /**
         * Sends every message's body through S3, with {@link #largeMessageBucket}, whatever its size
         * (for data that must not sit in SQS or SNS, or consumers that expect a pointer). Default: false.
         */
        public Builder largeMessageAlwaysThroughS3(boolean largeMessageAlwaysThroughS3) {
            this.largeMessageAlwaysThroughS3 = largeMessageAlwaysThroughS3;
            return this;
        }

        /**
         * Whether acknowledging a large message read from a queue deletes its S3 object, as Amazon's
         * extended client does. A topic's message is shared by its subscriptions and its object is
         * never deleted by hake: an S3 lifecycle rule expires it. Default: true.
         */
        public Builder largeMessageDeleteOnAcknowledge(boolean largeMessageDeleteOnAcknowledge) {
            this.largeMessageDeleteOnAcknowledge = largeMessageDeleteOnAcknowledge;
            return this;
        }

        public HakeSettings build() {
            if ((accessKeyId == null) != (secretAccessKey == null)) {
                throw new IllegalArgumentException("options 'accessKeyId' and 'secretAccessKey' must be set together");
            }
            if (roleArn == null && (roleExternalId != null || !roleSessionName.equals(DEFAULT_ROLE_SESSION_NAME))) {
                throw new IllegalArgumentException("options 'roleExternalId' and 'roleSessionName' need 'roleArn'");
            }
            if (maxRedeliveryDelaySeconds < redeliveryDelaySeconds) {
                throw new IllegalArgumentException("option 'maxRedeliveryDelaySeconds' (" + maxRedeliveryDelaySeconds
                        + ") must not be below 'redeliveryDelaySeconds' (" + redeliveryDelaySeconds + ")");
            }
            if (largeMessageBucket == null && (largeMessageThreshold != 0 || largeMessageAlwaysThroughS3)) {
                throw new IllegalArgumentException(
                        "options 'largeMessageThreshold' and 'largeMessageAlwaysThroughS3' need 'largeMessageBucket'");
            }
            if (embedded && endpoint != null) {
                throw new IllegalArgumentException("option 'endpoint' cannot be combined with the embedded backend");
            }
            return new HakeSettings(this);
        }

        private static int checkRange(String key, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        "option '" + key + "' must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
