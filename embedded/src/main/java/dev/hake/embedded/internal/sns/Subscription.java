package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.filter.FilterAttribute;
import dev.hake.embedded.internal.filter.FilterPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An sqs subscription as stored: immutable, replaced as a whole on every change.
 *
 * @param arn          subscription ARN
 * @param topicArn     the topic it listens to
 * @param endpoint     the queue ARN, as given at Subscribe
 * @param queueName    the queue's name, from that ARN
 * @param attributes   its attributes as set (normalised by {@link SubscriptionAttributes})
 * @param filterPolicy its parsed filter policy, or null for none
 */
record Subscription(String arn, String topicArn, String endpoint, String queueName,
                    Map<String, String> attributes, FilterPolicy filterPolicy) {

    static final String PROTOCOL = "sqs";

    Subscription {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    boolean rawMessageDelivery() {
        return "true".equals(attributes.get(SubscriptionAttributes.RAW_MESSAGE_DELIVERY));
    }

    /** Whether a message with these attributes passes the filter policy (always, without one). */
    boolean accepts(Map<String, FilterAttribute> messageAttributes) {
        return filterPolicy == null || filterPolicy.matches(messageAttributes);
    }

    Subscription withAttributes(Map<String, String> changed) {
        return new Subscription(arn, topicArn, endpoint, queueName, changed,
                SubscriptionAttributes.filterPolicyOf(changed));
    }
}
