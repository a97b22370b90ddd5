package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.Xml;
import java.util.List;
import java.util.Map;

/**
 * Subscribe, Unsubscribe, ListSubscriptions, ListSubscriptionsByTopic, GetSubscriptionAttributes
 * and SetSubscriptionAttributes. Only the sqs protocol is offered; its subscriptions are confirmed
 * at once, as AWS does for a queue in the same account.
 */
final class SubscriptionActions {

    private final TopicRegistry registry;
    private final Arns arns;
    private final String accountId;

    SubscriptionActions(TopicRegistry registry, Arns arns, String accountId) {
        this.registry = registry;
        this.arns = arns;
        this.accountId = accountId;
    }

    void subscribe(FormParameters request, Xml result) {
        String topicArn = Parameters.required(request, "TopicArn");
        String protocol = Parameters.required(request, "Protocol");
        String endpoint = Parameters.required(request, "Endpoint");
        Topic topic = registry.topic(topicArn);
        if (!protocol.equals(Subscription.PROTOCOL)) {
            throw SnsError.invalidParameter("Protocol Reason: " + protocol
                    + " is not supported by the embedded SNS; only sqs is");
        }
        String queueName = Arns.queueName(endpoint).orElseThrow(() -> SnsError.invalidParameter(
                "SQS endpoint ARN Reason: expected arn:aws:sqs:<region>:<account>:<queue name>, was " + endpoint));
        // A FIFO topic may feed standard queues too (they get no ordering); the reverse is refused.
        if (!topic.fifo() && queueName.endsWith(".fifo")) {
            throw SnsError.invalidParameter("Endpoint Reason: FIFO SQS Queues can not be subscribed"
                    + " to standard SNS topics");
        }
        Map<String, String> attributes = SubscriptionAttributes.forNewSubscription(request.map("Attributes"));
        Subscription subscription = registry.subscribe(new Subscription(arns.newSubscriptionArn(topicArn), topicArn,
                endpoint, queueName, attributes, SubscriptionAttributes.filterPolicyOf(attributes)));
        result.element("SubscriptionArn", subscription.arn());
    }

    void unsubscribe(FormParameters request, Xml result) {
        registry.unsubscribe(Parameters.required(request, "SubscriptionArn"));
    }

    void listSubscriptions(FormParameters request, Xml result) {
        page(registry.subscriptions(), request, result);
    }

    void listSubscriptionsByTopic(FormParameters request, Xml result) {
        page(registry.subscriptionsOf(Parameters.required(request, "TopicArn")), request, result);
    }

    void getSubscriptionAttributes(FormParameters request, Xml result) {
        Subscription subscription = registry.subscription(Parameters.required(request, "SubscriptionArn"));
        result.map("Attributes", SubscriptionAttributes.describe(subscription, accountId));
    }

    void setSubscriptionAttributes(FormParameters request, Xml result) {
        String arn = Parameters.required(request, "SubscriptionArn");
        String attribute = Parameters.required(request, "AttributeName");
        String value = request.get("AttributeValue").orElse("");
        registry.updateSubscription(arn, subscription ->
                subscription.withAttributes(SubscriptionAttributes.with(subscription.attributes(), attribute, value)));
    }

    private void page(List<Subscription> subscriptions, FormParameters request, Xml result) {
        int start = Parameters.pageStart(request, subscriptions.size());
        int end = Math.min(subscriptions.size(), start + TopicActions.PAGE_SIZE);
        result.open("Subscriptions");
        for (Subscription subscription : subscriptions.subList(start, end)) {
            result.open("member")
                    .element("SubscriptionArn", subscription.arn())
                    .element("Owner", accountId)
                    .element("Protocol", Subscription.PROTOCOL)
                    .element("Endpoint", subscription.endpoint())
                    .element("TopicArn", subscription.topicArn())
                    .close("member");
        }
        result.close("Subscriptions");
        if (end < subscriptions.size()) {
            result.element("NextToken", Integer.toString(end));
        }
    }
}
