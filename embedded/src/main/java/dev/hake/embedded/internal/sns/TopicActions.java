package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.FormParameters;
import dev.hake.embedded.internal.Xml;
import java.util.List;
import java.util.Map;

/** CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes and SetTopicAttributes. */
final class TopicActions {

    static final int PAGE_SIZE = 100;

    private final TopicRegistry registry;
    private final Arns arns;
    private final String accountId;

    TopicActions(TopicRegistry registry, Arns arns, String accountId) {
        this.registry = registry;
        this.arns = arns;
        this.accountId = accountId;
    }

    void createTopic(FormParameters request, Xml result) {
        String name = Parameters.required(request, "Name");
        Map<String, String> attributes = TopicAttributes.forNewTopic(name, request.map("Attributes"));
        request.get("DataProtectionPolicy").ifPresent(policy -> attributes.put("DataProtectionPolicy", policy));
        boolean fifo = "true".equals(attributes.get(TopicAttributes.FIFO_TOPIC));
        Topic topic = registry.create(new Topic(name, arns.topicArn(name), fifo, attributes, Parameters.tags(request)));
        result.element("TopicArn", topic.arn());
    }

    void deleteTopic(FormParameters request, Xml result) {
        registry.delete(Parameters.required(request, "TopicArn"));
    }

    void listTopics(FormParameters request, Xml result) {
        List<Topic> topics = registry.topics();
        int start = Parameters.pageStart(request, topics.size());
        int end = Math.min(topics.size(), start + PAGE_SIZE);
        result.open("Topics");
        for (Topic topic : topics.subList(start, end)) {
            result.open("member").element("TopicArn", topic.arn()).close("member");
        }
        result.close("Topics");
        if (end < topics.size()) {
            result.element("NextToken", Integer.toString(end));
        }
    }

    void getTopicAttributes(FormParameters request, Xml result) {
        String arn = Parameters.required(request, "TopicArn");
        Topic topic = registry.topic(arn);
        int subscriptions = registry.subscriptionsOf(arn).size();
        result.map("Attributes", TopicAttributes.describe(topic, accountId, subscriptions));
    }

    void setTopicAttributes(FormParameters request, Xml result) {
        String arn = Parameters.required(request, "TopicArn");
        String attribute = Parameters.required(request, "AttributeName");
        String value = request.get("AttributeValue").orElse("");
        registry.update(arn, topic -> topic.withAttribute(attribute, TopicAttributes.forUpdate(topic, attribute, value)));
    }
}
