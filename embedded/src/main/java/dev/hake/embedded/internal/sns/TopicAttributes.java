package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which topic attributes can be set, with which values, and what GetTopicAttributes reports.
 * Values are stored as given; none but FifoTopic and ContentBasedDeduplication changes behaviour.
 */
final class TopicAttributes {

    static final String FIFO_TOPIC = "FifoTopic";
    static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";

    private static final Set<String> SETTABLE = Set.of(
            "DisplayName", "Policy", "DeliveryPolicy", "KmsMasterKeyId", "SignatureVersion", "TracingConfig",
            "ArchivePolicy", "FifoThroughputScope", "DataProtectionPolicy", CONTENT_BASED_DEDUPLICATION);
    private static final Pattern DELIVERY_FEEDBACK =
            Pattern.compile("(Application|HTTP|Lambda|SQS|Firehose)(Success|Failure)Feedback(RoleArn|SampleRate)");
    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");

    private static final String DEFAULT_DELIVERY_POLICY = Json.write(Map.of("http", Map.of(
            "defaultHealthyRetryPolicy", Map.of("minDelayTarget", 20, "maxDelayTarget", 20, "numRetries", 3,
                    "numMaxDelayRetries", 0, "numNoDelayRetries", 0, "numMinDelayRetries", 0,
                    "backoffFunction", "linear"),
            "disableSubscriptionOverrides", false)));

    private TopicAttributes() {
    }

    /** Checks the name and attributes of a CreateTopic; returns the attributes to store. */
    static Map<String, String> forNewTopic(String name, Map<String, String> requested) {
        Map<String, String> attributes = new LinkedHashMap<>();
        requested.forEach((attribute, value) -> {
            if (!attribute.equals(FIFO_TOPIC)) {
                checkSettable(attribute);
            }
            attributes.put(attribute, normalise(attribute, value));
        });
        boolean fifo = "true".equals(attributes.get(FIFO_TOPIC));
        if (fifo && !FIFO_NAME.matcher(name).matches()) {
            throw SnsError.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only"
                    + " uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between"
                    + " 1 and 256 characters long.");
        }
        if (!fifo && !STANDARD_NAME.matcher(name).matches()) {
            throw SnsError.invalidParameter("Topic Name" + (name.endsWith(".fifo")
                    ? " (a name ending in .fifo needs the attribute FifoTopic=true)" : ""));
        }
        if (!fifo && attributes.containsKey(CONTENT_BASED_DEDUPLICATION)) {
            throw SnsError.invalidParameter("ContentBasedDeduplication Reason: applies only to FIFO topics");
        }
        return attributes;
    }

    /** Checks a SetTopicAttributes; returns the value to store. */
    static String forUpdate(Topic topic, String attribute, String value) {
        if (attribute.equals(FIFO_TOPIC)) {
            throw SnsError.invalidParameter("AttributeName Reason: FifoTopic cannot be changed after creation");
        }
        checkSettable(attribute);
        if (attribute.equals(CONTENT_BASED_DEDUPLICATION) && !topic.fifo()) {
            throw SnsError.invalidParameter("ContentBasedDeduplication Reason: applies only to FIFO topics");
        }
        return normalise(attribute, value);
    }

    /** Everything GetTopicAttributes reports: what was set, plus what SNS computes. */
    static Map<String, String> describe(Topic topic, String accountId, int subscriptions) {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("TopicArn", topic.arn());
        described.put("Owner", accountId);
        described.put("DisplayName", "");
        described.put("Policy", defaultPolicy(topic.arn(), accountId));
        described.put("SubscriptionsConfirmed", Integer.toString(subscriptions));
        described.put("SubscriptionsPending", "0");
        described.put("SubscriptionsDeleted", "0");
        described.put("EffectiveDeliveryPolicy", DEFAULT_DELIVERY_POLICY);
        if (topic.fifo()) {
            described.put(FIFO_TOPIC, "true");
            described.put(CONTENT_BASED_DEDUPLICATION, "false");
        }
        described.putAll(topic.attributes());
        return described;
    }

    /** The attribute value CreateTopic would store, for comparing a repeated CreateTopic. */
    static String effectiveValue(Topic topic, String attribute) {
        String value = topic.attributes().get(attribute);
        if (value != null) {
            return value;
        }
        return attribute.equals(FIFO_TOPIC) || attribute.equals(CONTENT_BASED_DEDUPLICATION) ? "false" : "";
    }

    private static void checkSettable(String attribute) {
        if (!SETTABLE.contains(attribute) && !DELIVERY_FEEDBACK.matcher(attribute).matches()) {
            throw SnsError.invalidParameter("AttributeName (unknown topic attribute: " + attribute + ")");
        }
    }

    /** Flags are stored as "true"/"false", whatever case they were sent in. */
    private static String normalise(String attribute, String value) {
        if (attribute.equals(FIFO_TOPIC) || attribute.equals(CONTENT_BASED_DEDUPLICATION)) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw SnsError.invalidParameter("Attributes Reason: " + attribute + " must be true or false, was " + value);
            }
            return value.toLowerCase(Locale.ROOT);
        }
        return value;
    }

    private static String defaultPolicy(String topicArn, String accountId) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "__default_statement_ID");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("AWS", "*"));
        statement.put("Action", List.of("SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission",
                "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic",
                "SNS:Publish"));
        statement.put("Resource", topicArn);
        statement.put("Condition", Map.of("StringEquals", Map.of("AWS:SourceOwner", accountId)));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2008-10-17");
        policy.put("Id", "__default_policy_ID");
        policy.put("Statement", List.of(statement));
        return Json.write(policy);
    }
}
