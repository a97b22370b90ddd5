package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.filter.FilterPolicy;
import dev.hake.embedded.internal.filter.InvalidFilterPolicyException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which subscription attributes can be set, with which values, and what
 * GetSubscriptionAttributes reports. RawMessageDelivery and FilterPolicy change delivery; the
 * others are stored only.
 */
final class SubscriptionAttributes {

    static final String RAW_MESSAGE_DELIVERY = "RawMessageDelivery";
    static final String FILTER_POLICY = "FilterPolicy";
    static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
    private static final String MESSAGE_ATTRIBUTES_SCOPE = "MessageAttributes";

    private static final Set<String> SETTABLE = Set.of(RAW_MESSAGE_DELIVERY, FILTER_POLICY, FILTER_POLICY_SCOPE,
            "RedrivePolicy", "DeliveryPolicy", "SubscriptionRoleArn", "ReplayPolicy");

    private SubscriptionAttributes() {
    }

    /** Applies one attribute to a subscription's attributes; returns the new attributes. */
    static Map<String, String> with(Map<String, String> current, String attribute, String value) {
        if (!SETTABLE.contains(attribute)) {
            throw SnsError.invalidParameter("AttributeName (unknown subscription attribute: " + attribute + ")");
        }
        Map<String, String> changed = new LinkedHashMap<>(current);
        switch (attribute) {
            case RAW_MESSAGE_DELIVERY -> changed.put(attribute, flag(attribute, value));
            case FILTER_POLICY_SCOPE -> changed.put(attribute, scope(value));
            case FILTER_POLICY -> {
                // An empty policy removes filtering, as in AWS.
                if (value.isBlank() || value.replaceAll("\\s", "").equals("{}")) {
                    changed.remove(attribute);
                } else {
                    parse(value);
                    changed.put(attribute, value);
                }
            }
            default -> changed.put(attribute, value);
        }
        return changed;
    }

    /** Applies the attributes of a Subscribe, in order. */
    static Map<String, String> forNewSubscription(Map<String, String> requested) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            attributes = with(attributes, entry.getKey(), entry.getValue());
        }
        return attributes;
    }

    /** The parsed policy of validated attributes, or null for none. */
    static FilterPolicy filterPolicyOf(Map<String, String> attributes) {
        String policy = attributes.get(FILTER_POLICY);
        return policy == null ? null : parse(policy);
    }

    /** Everything GetSubscriptionAttributes reports. */
    static Map<String, String> describe(Subscription subscription, String accountId) {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("SubscriptionArn", subscription.arn());
        described.put("TopicArn", subscription.topicArn());
        described.put("Owner", accountId);
        described.put("Protocol", Subscription.PROTOCOL);
        described.put("Endpoint", subscription.endpoint());
        described.put("ConfirmationWasAuthenticated", "true");
        described.put("PendingConfirmation", "false");
        described.put(RAW_MESSAGE_DELIVERY, "false");
        described.putAll(subscription.attributes());
        if (subscription.attributes().containsKey(FILTER_POLICY)) {
            described.putIfAbsent(FILTER_POLICY_SCOPE, MESSAGE_ATTRIBUTES_SCOPE);
        }
        return described;
    }

    private static FilterPolicy parse(String policy) {
        try {
            return FilterPolicy.parse(policy);
        } catch (InvalidFilterPolicyException e) {
            throw SnsError.invalidParameter("FilterPolicy: " + e.getMessage());
        }
    }

    private static String flag(String attribute, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SnsError.invalidParameter("Attributes Reason: " + attribute + ": must be true or false, was " + value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String scope(String value) {
        if (value.equals(MESSAGE_ATTRIBUTES_SCOPE)) {
            return value;
        }
        if (value.equals("MessageBody")) {
            throw SnsError.invalidParameter("FilterPolicyScope: MessageBody is not supported by the embedded SNS;"
                    + " only MessageAttributes is");
        }
        throw SnsError.invalidParameter("FilterPolicyScope: Invalid value [" + value
                + "]. Please use either MessageBody or MessageAttributes");
    }
}
