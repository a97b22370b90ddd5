package dev.hake.camel;

import dev.hake.core.HakeSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The connection settings of the hake component: the same keys as a JMS {@code hake:} URI, mapped
 * onto one {@link HakeSettings}. Set on the component they are shared by all its endpoints (and so
 * are the AWS clients behind them); an endpoint may override any of them.
 */
@UriParams
public class HakeConfiguration implements Cloneable {

    @UriParam
    private String region;
    @UriParam
    private String endpoint;
    @UriParam
    private boolean embedded;
    @UriParam
    private String prefix;
    @UriParam
    private String clientId;
    @UriParam(defaultValue = "true")
    private boolean createDestinations = true;
    @UriParam(label = "security", secret = true)
    private String accessKeyId;
    @UriParam(label = "security", secret = true)
    private String secretAccessKey;
    @UriParam(label = "security", secret = true)
    private String sessionToken;
    @UriParam(label = "security")
    private String roleArn;
    @UriParam(label = "security", secret = true)
    private String roleExternalId;
    @UriParam(label = "security", defaultValue = HakeSettings.DEFAULT_ROLE_SESSION_NAME)
    private String roleSessionName = HakeSettings.DEFAULT_ROLE_SESSION_NAME;
    @UriParam(label = "consumer", defaultValue = "10")
    private int receiveBatchSize = HakeSettings.MAX_RECEIVE_BATCH;
    @UriParam(label = "consumer", defaultValue = "20")
    private int receiveWaitSeconds = HakeSettings.MAX_WAIT_SECONDS;
    @UriParam(defaultValue = "30")
    private int visibilityTimeoutSeconds = 30;
    @UriParam(label = "consumer", defaultValue = "java.lang,java.util,java.time,java.math")
    private String trustedPackages = "java.lang,java.util,java.time,java.math";
    @UriParam(label = "advanced")
    private String largeMessageBucket;
    @UriParam(label = "producer,advanced", defaultValue = "0")
    private int largeMessageThreshold;
    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean largeMessageAlwaysThroughS3;
    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean largeMessageDeleteOnAcknowledge = true;

    /** The settings these options describe; an invalid value fails with a message naming its option. */
    public HakeSettings toSettings() {
        HakeSettings.Builder b = HakeSettings.builder()
                .region(region)
                .endpoint(endpoint == null || endpoint.isBlank() ? null : toUri(endpoint))
                .embedded(embedded)
                .prefix(prefix)
                .clientId(clientId)
                .createDestinations(createDestinations)
                .accessKeyId(accessKeyId)
                .secretAccessKey(secretAccessKey)
                .sessionToken(sessionToken)
                .roleArn(roleArn)
                .roleExternalId(roleExternalId)
                .roleSessionName(roleSessionName)
                .receiveBatchSize(receiveBatchSize)
                .receiveWaitSeconds(receiveWaitSeconds)
                .visibilityTimeoutSeconds(visibilityTimeoutSeconds)
                .trustedPackages(trustedPackages == null || trustedPackages.isBlank() ? List.of()
                        : Arrays.stream(trustedPackages.split(",")).map(String::trim).toList())
                .largeMessageBucket(largeMessageBucket)
                .largeMessageThreshold(largeMessageThreshold)
                .largeMessageAlwaysThroughS3(largeMessageAlwaysThroughS3)
                .largeMessageDeleteOnAcknowledge(largeMessageDeleteOnAcknowledge);
        return b.build();
    }

    private static URI toUri(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option 'endpoint' is not a valid URL: " + value, e);
        }
    }

    /** A copy an endpoint can change without touching the component's. */
    public HakeConfiguration copy() {
        try {
            return (HakeConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getRegion() {
        return region;
    }

    /**
     * The AWS region, e.g. eu-west-1. Default: the AWS SDK's region chain (AWS_REGION, profile);
     * us-east-1 when an endpoint is set.
     */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * Endpoint override for SNS and SQS alike, e.g. http://127.0.0.1:4566 for LocalStack or moto.
     * Default: AWS's own endpoints.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public boolean isEmbedded() {
        return embedded;
    }

    /**
     * Use the in-JVM embedded SNS and SQS backend (the artifact dev.hake:hake-embedded must be on the
     * classpath), for tests and demos. Cannot be combined with endpoint.
     */
    public void setEmbedded(boolean embedded) {
        this.embedded = embedded;
    }

    public String getPrefix() {
        return prefix;
    }

    /**
     * Prepended to every SNS topic and SQS queue name hake derives, so that several environments
     * share one account (dev-, test-). Letters, digits, '-' and '_', at most 40.
     */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The JMS client ID whose shared durable subscriptions topic consumers join. Without one, a
     * subscription is the one a JMS createSharedDurableConsumer(topic, name) makes on a connection
     * without a client ID.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public boolean isCreateDestinations() {
        return createDestinations;
    }

    /**
     * Create missing topics and queues on first use. With false, a missing one fails the exchange
     * (producer) or the route start (consumer).
     */
    public void setCreateDestinations(boolean createDestinations) {
        this.createDestinations = createDestinations;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    /** Static AWS access key id. Default: the AWS SDK's default credentials chain. */
    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    /** Static AWS secret access key, set together with accessKeyId. Never logged. */
    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    /** Session token of temporary static credentials. Never logged. */
    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public String getRoleArn() {
        return roleArn;
    }

    /**
     * An IAM role to assume through STS (arn:aws:iam::ACCOUNT:role/NAME), with the static credentials
     * if set, else the AWS SDK's default chain. Default: none; EKS, ECS and EC2 roles need no setting.
     */
    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getRoleExternalId() {
        return roleExternalId;
    }

    /** The external id the role's trust policy asks for, with roleArn. Never logged. */
    public void setRoleExternalId(String roleExternalId) {
        this.roleExternalId = roleExternalId;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    /** The session name of the assumed role, seen in CloudTrail, with roleArn. */
    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = roleSessionName;
    }

    public int getReceiveBatchSize() {
        return receiveBatchSize;
    }

    /**
     * Messages one receive request asks for (1 to 10), and so how many each poll loop prefetches.
     * 10 is the cheapest.
     */
    public void setReceiveBatchSize(int receiveBatchSize) {
        this.receiveBatchSize = receiveBatchSize;
    }

    public int getReceiveWaitSeconds() {
        return receiveWaitSeconds;
    }

    /** Long-poll time of a receive request in seconds (0 to 20); longer polls cost fewer requests when idle. */
    public void setReceiveWaitSeconds(int receiveWaitSeconds) {
        this.receiveWaitSeconds = receiveWaitSeconds;
    }

    public int getVisibilityTimeoutSeconds() {
        return visibilityTimeoutSeconds;
    }

    /**
     * How long a received message stays hidden from other consumers, in seconds; also set on the
     * queues hake creates. A consumer extends it while its exchange runs, so it bounds how soon a
     * message comes back after a crash, not how long an exchange may take.
     */
    public void setVisibilityTimeoutSeconds(int visibilityTimeoutSeconds) {
        this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
    }

    public String getTrustedPackages() {
        return trustedPackages;
    }

    /**
     * Comma-separated packages whose classes a received JMS ObjectMessage body may be deserialised
     * from (sub-packages included; an asterisk trusts every class). Anything else is refused and
     * never deserialised.
     */
    public void setTrustedPackages(String trustedPackages) {
        this.trustedPackages = trustedPackages;
    }

    public String getLargeMessageBucket() {
        return largeMessageBucket;
    }

    /**
     * An S3 bucket for message bodies too large for SQS (1 MiB) or SNS (256 KiB): such a body is stored
     * there and the message carries a pointer to it, in the format of Amazon's SQS and SNS Extended
     * Client libraries, so that their users and hake read each other's messages. The bucket must exist;
     * the application needs s3:PutObject, s3:GetObject and s3:DeleteObject on it, and
     * software.amazon.awssdk:s3 on its classpath. Default: none, and a message over the limit fails its
     * exchange with nothing sent.
     */
    public void setLargeMessageBucket(String largeMessageBucket) {
        this.largeMessageBucket = largeMessageBucket;
    }

    public int getLargeMessageThreshold() {
        return largeMessageThreshold;
    }

    /**
     * Encoded size in bytes (body plus message attributes, as AWS counts it) above which a body goes to
     * S3, with largeMessageBucket (0 to 1048576; a topic's is at most 262144). Default 0: the
     * destination's own limit, so that only what AWS would refuse goes to S3.
     */
    public void setLargeMessageThreshold(int largeMessageThreshold) {
        this.largeMessageThreshold = largeMessageThreshold;
    }

    public boolean isLargeMessageAlwaysThroughS3() {
        return largeMessageAlwaysThroughS3;
    }

    /**
     * Send every message's body through S3, with largeMessageBucket, whatever its size: for data that
     * must not sit in SQS or SNS, or consumers that expect a pointer.
     */
    public void setLargeMessageAlwaysThroughS3(boolean largeMessageAlwaysThroughS3) {
        this.largeMessageAlwaysThroughS3 = largeMessageAlwaysThroughS3;
    }

    public boolean isLargeMessageDeleteOnAcknowledge() {
        return largeMessageDeleteOnAcknowledge;
    }

    /**
     * Whether the S3 object of a large message consumed from a queue is deleted with the message, when
     * its exchange completes, as Amazon's extended client does. A topic's message is shared by its
     * subscriptions, so hake never deletes its object: an S3 lifecycle rule expires it.
     */
    public void setLargeMessageDeleteOnAcknowledge(boolean largeMessageDeleteOnAcknowledge) {
        this.largeMessageDeleteOnAcknowledge = largeMessageDeleteOnAcknowledge;
    }

    /** Without credentials. */
    @Override
    public String toString() {
        return "HakeConfiguration[region=" + region + ", endpoint=" + endpoint + ", embedded=" + embedded
                + ", prefix=" + prefix + ", credentials=" + (accessKeyId == null ? "default chain" : "static (hidden)")
                + "]";
    }
}
