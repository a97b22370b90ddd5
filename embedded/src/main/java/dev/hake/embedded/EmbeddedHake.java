package dev.hake.embedded;

import dev.hake.embedded.internal.EmbeddedServices;
import java.net.URI;
import java.util.Objects;

/**
 * An SNS+SQS+S3 endpoint inside this JVM, for tests and demos: the AWS SDK talks to it over
 * loopback HTTP, all three services on one port (S3 path-style only). Not a production broker;
 * see the module README for what it does not reproduce.
 *
 * <pre>{@code
 * try (EmbeddedHake hake = EmbeddedHake.builder().build().start()) {
 *     SqsClient sqs = SqsClient.builder().endpointOverride(hake.endpoint()).region(Region.of(hake.region()))...
 * }
 * }</pre>
 */
public final class EmbeddedHake implements AutoCloseable {

    private static EmbeddedHake shared;

    private final String host;
    private final int port;
    private final String region;
    private final String accountId;
    private EmbeddedServices services;
    private boolean closed;

    private EmbeddedHake(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.region = builder.region;
        this.accountId = builder.accountId;
    }

    /** A builder with the defaults: host 127.0.0.1, a free port, region us-east-1, account 000000000000. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The endpoint of one instance shared by the whole JVM, started on first call and closed by a
     * JVM shutdown hook. The provider's {@code hake:embedded} URI calls this by reflection, so its
     * signature is part of the contract.
     */
    public static synchronized URI sharedEndpoint() {
        if (shared == null) {
            EmbeddedHake instance = builder().build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "hake-embedded-shutdown"));
            shared = instance;
        }
        return shared.endpoint();
    }

    /**
     * Binds the port and starts the services; returns when they accept requests.
     *
     * @throws IllegalStateException if already started or closed, or if the port cannot be bound
     */
    public synchronized EmbeddedHake start() {
        if (closed) {
            throw new IllegalStateException("EmbeddedHake was closed; build a new one");
        }
        if (services != null) {
            throw new IllegalStateException("EmbeddedHake was already started");
        }
        services = EmbeddedServices.start(host, port, region, accountId);
        return this;
    }

    /** Where the SNS, SQS and S3 clients should point, for example {@code http://127.0.0.1:41234}. */
    public synchronized URI endpoint() {
        return running().endpoint();
    }

    /** The region in every ARN this endpoint makes; SDK clients should be built for it. */
    public String region() {
        return region;
    }

    /** The account in every ARN and queue URL this endpoint makes. */
    public String accountId() {
        return accountId;
    }

    /** Stops the services and frees the port; queues, topics, messages and objects are gone. Idempotent. */
    @Override
    public synchronized void close() {
        if (services != null && !closed) {
            services.close();
        }
        closed = true;
    }

    private EmbeddedServices running() {
        if (services == null || closed) {
            throw new IllegalStateException("EmbeddedHake is " + (closed ? "closed" : "not started; call start() first"));
        }
        return services;
    }

    @Override
    public String toString() {
        String state = closed ? "closed" : services == null ? "not started" : services.endpoint().toString();
        return "EmbeddedHake[" + state + ", region=" + region + ", account=" + accountId + "]";
    }

    /** Settings for an {@link EmbeddedHake}; every one has a default that suits tests. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String region = "us-east-1";
        private String accountId = "000000000000";

        private Builder() {
        }

        /** The address to bind and to put in queue URLs. Default 127.0.0.1; keep it on loopback. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to bind; 0 (the default) picks a free one, which {@link #endpoint()} reports. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The region written into ARNs. Default us-east-1. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The 12-digit account written into ARNs and queue URLs. Default 000000000000. */
        public Builder accountId(String accountId) {
            if (!Objects.requireNonNull(accountId, "accountId").matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, was " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** An instance with these settings, not started yet. */
        public EmbeddedHake build() {
            return new EmbeddedHake(this);
        }
    }
}
