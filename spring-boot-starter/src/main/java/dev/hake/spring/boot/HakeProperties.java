package dev.hake.spring.boot;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code hake.*} properties: one per option of a {@code hake:} URI, plus {@code hake.embedded}.
 * A property left unset leaves hake's default (null here means unset); the defaults named below are
 * hake's, listed in the configuration metadata too.
 */
@ConfigurationProperties("hake")
public class HakeProperties {

    /**
     * A hake URI with any of hake's options, e.g. 'hake:?region=eu-west-1&prefix=prod-'. The other
     * hake.* properties apply together with it; one that the URI sets to a different value is an error.
     */
    private String uri;

    /**
     * AWS region. Default: us-east-1 with an endpoint or the embedded backend, otherwise the AWS SDK's
     * region chain (aws.region, AWS_REGION, the profile, EC2 instance metadata).
     */
    private String region;

    /** Endpoint override for SNS and SQS, e.g. 'http://127.0.0.1:4566'. Default: AWS's own endpoints. */
    private URI endpoint;

    /**
     * Prepended to every topic and queue name (letters, digits, '-', '_'; at most 40 characters).
     * Default: none.
     */
    private String prefix;

    /** Client ID preset on every connection; durable subscriptions that are not shared need one. */
    private String clientId;

    /**
     * Whether missing topics and queues are created on first use; when false, a missing one is an
     * InvalidDestinationException.
     */
    private Boolean createDestinations;

    /**
     * AWS access key id, with secret-access-key. Default: the AWS SDK's default credentials chain
     * (static dummy credentials with the embedded backend). Never logged.
     */
    private String accessKeyId;

    /** AWS secret access key, with access-key-id. Never logged. */
    private String secretAccessKey;

    /** AWS session token of temporary credentials, with access-key-id and secret-access-key. Never logged. */
    private String sessionToken;

    /** Messages one SQS receive request asks for (1-10). */
    private Integer receiveBatchSize;

    /** Long-poll time, in seconds, of a consumer with a MessageListener (0-20). */
    private Integer receiveWaitSeconds;

    /**
     * Seconds a received, unacknowledged message stays hidden from other consumers; also set on the
     * queues hake creates. Extended while a MessageListener runs.
     */
    private Integer visibilityTimeoutSeconds;

    /** The most threads one connection runs MessageListeners and CompletionListeners on at once. */
    private Integer listenerThreads;

    /**
     * Packages an ObjectMessage may deserialise classes from ('*' for all; empty for none). Anything
     * else is refused and never deserialised.
     */
    private List<String> trustedPackages;

    /**
     * Deliveries a message gets before SQS moves it to its dead-letter queue (1-1000); 0: no
     * dead-letter queue, a message comes back until it is acknowledged.
     */
    private Integer maxDeliveries;

    /**
     * The dead-letter queue, with max-deliveries: a queue name, or a pattern in which {name} stands for
     * the queue that feeds it.
     */
    private String deadLetterQueue;

    /** Seconds before a message given back after a failed delivery comes again, the first time (0-43200). */
    private Integer redeliveryDelaySeconds;

    /** What each further redelivery's delay is multiplied by (1-100; 1: the same delay every time). */
    private Double redeliveryBackoffMultiplier;

    /** The longest redelivery delay, in seconds (0-43200). */
    private Integer maxRedeliveryDelaySeconds;

    /**
     * An IAM role to assume through STS with the configured or default credentials, e.g.
     * 'arn:aws:iam::123456789012:role/orders'. Default: none.
     */
    private String roleArn;

    /** The external id the role's trust policy asks for, with role-arn. Never logged. */
    private String roleExternalId;

    /** The session name of the assumed role, seen in CloudTrail (2-64 of letters, digits and '+=,.@-_'). */
    private String roleSessionName;

    /**
     * An S3 bucket for message bodies too large for SQS (1 MiB) or SNS (256 KiB), stored there with a
     * pointer in the message, in the format of Amazon's SQS and SNS Extended Client libraries. Needs
     * software.amazon.awssdk:s3 and s3:PutObject, s3:GetObject, s3:DeleteObject on the bucket. Default:
     * none, and a message over the limit is refused with nothing sent.
     */
    private String largeMessageBucket;

    /**
     * Encoded size in bytes above which a body goes to S3, with large-message-bucket (0-1048576; a
     * topic's is at most 262144); 0: the destination's own limit, so only what AWS would refuse goes there.
     */
    private Integer largeMessageThreshold;

    /**
     * Whether every message's body goes through S3, with large-message-bucket, whatever its size (for
     * data that must not sit in SQS or SNS, or consumers that expect a pointer).
     */
    private Boolean largeMessageAlwaysThroughS3;

    /**
     * Whether acknowledging a large message read from a queue deletes its S3 object, as Amazon's extended
     * client does. A topic's objects are never deleted by hake: an S3 lifecycle rule expires them.
     */
    private Boolean largeMessageDeleteOnAcknowledge;

    /**
     * Whether to use the in-JVM embedded SNS+SQS backend instead of AWS, for demos and tests; needs
     * dev.hake:hake-embedded on the classpath.
     */
    private boolean embedded;

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Boolean getCreateDestinations() {
        return createDestinations;
    }

    public void setCreateDestinations(Boolean createDestinations) {
        this.createDestinations = createDestinations;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = secretAccessKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public Integer getReceiveBatchSize() {
        return receiveBatchSize;
    }

    public void setReceiveBatchSize(Integer receiveBatchSize) {
        this.receiveBatchSize = receiveBatchSize;
    }

    public Integer getReceiveWaitSeconds() {
        return receiveWaitSeconds;
    }

    public void setReceiveWaitSeconds(Integer receiveWaitSeconds) {
        this.receiveWaitSeconds = receiveWaitSeconds;
    }

    public Integer getVisibilityTimeoutSeconds() {
        return visibilityTimeoutSeconds;
    }

    public void setVisibilityTimeoutSeconds(Integer visibilityTimeoutSeconds) {
        this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
    }

    public Integer getListenerThreads() {
        return listenerThreads;
    }

    public void setListenerThreads(Integer listenerThreads) {
        this.listenerThreads = listenerThreads;
    }

    public List<String> getTrustedPackages() {
        return trustedPackages;
    }

    public void setTrustedPackages(List<String> trustedPackages) {
        this.trustedPackages = trustedPackages;
    }

    public Integer getMaxDeliveries() {
        return maxDeliveries;
    }

    public void setMaxDeliveries(Integer maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    public void setDeadLetterQueue(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    public Integer getRedeliveryDelaySeconds() {
        return redeliveryDelaySeconds;
    }

    public void setRedeliveryDelaySeconds(Integer redeliveryDelaySeconds) {
        this.redeliveryDelaySeconds = redeliveryDelaySeconds;
    }

    public Double getRedeliveryBackoffMultiplier() {
        return redeliveryBackoffMultiplier;
    }

    public void setRedeliveryBackoffMultiplier(Double redeliveryBackoffMultiplier) {
        this.redeliveryBackoffMultiplier = redeliveryBackoffMultiplier;
    }

    public Integer getMaxRedeliveryDelaySeconds() {
        return maxRedeliveryDelaySeconds;
    }

    public void setMaxRedeliveryDelaySeconds(Integer maxRedeliveryDelaySeconds) {
        this.maxRedeliveryDelaySeconds = maxRedeliveryDelaySeconds;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getRoleExternalId() {
        return roleExternalId;
    }

    public void setRoleExternalId(String roleExternalId) {
        this.roleExternalId = roleExternalId;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = roleSessionName;
    }

    public String getLargeMessageBucket() {
        return largeMessageBucket;
    }

    public void setLargeMessageBucket(String largeMessageBucket) {
        this.largeMessageBucket = largeMessageBucket;
    }

    public Integer getLargeMessageThreshold() {
        return largeMessageThreshold;
    }

    public void setLargeMessageThreshold(Integer largeMessageThreshold) {
        this.largeMessageThreshold = largeMessageThreshold;
    }

    public Boolean getLargeMessageAlwaysThroughS3() {
        return largeMessageAlwaysThroughS3;
    }

    public void setLargeMessageAlwaysThroughS3(Boolean largeMessageAlwaysThroughS3) {
        this.largeMessageAlwaysThroughS3 = largeMessageAlwaysThroughS3;
    }

    public Boolean getLargeMessageDeleteOnAcknowledge() {
        return largeMessageDeleteOnAcknowledge;
    }

    public void setLargeMessageDeleteOnAcknowledge(Boolean largeMessageDeleteOnAcknowledge) {
        this.largeMessageDeleteOnAcknowledge = largeMessageDeleteOnAcknowledge;
    }

    public boolean isEmbedded() {
        return embedded;
    }

    public void setEmbedded(boolean embedded) {
        this.embedded = embedded;
    }
}
