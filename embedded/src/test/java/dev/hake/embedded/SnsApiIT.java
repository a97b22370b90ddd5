package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/** The SNS control plane through the SDK: topics, subscriptions, attributes, tags, errors. */
class SnsApiIT extends EmbeddedEndpointTest {

    @Test
    void createTopicIsIdempotentAndRefusesDifferentAttributes() {
        CreateTopicRequest request = CreateTopicRequest.builder().name(created.name("events.fifo"))
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))
                .tags(Tag.builder().key("owner").value("team-a").build()).build();
        String arn = created.topic(request);

        assertThat(sns.createTopic(request).topicArn()).isEqualTo(arn);
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + created.name("events.fifo"));
        assertThatThrownBy(() -> sns.createTopic(r -> r.name(created.name("events.fifo"))
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("different attributes");
        assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
                .containsEntry("FifoTopic", "true")
                .containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("TopicArn", arn)
                .containsEntry("Owner", "000000000000")
                .containsKey("Policy");
        assertThat(sns.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("owner").value("team-a").build());
    }

    @Test
    void topicNamesFollowTheAwsRules() {
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("has space"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("needs-attribute.fifo")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FifoTopic");
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("no-suffix").attributes(Map.of("FifoTopic", "true"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(".fifo");
    }

    @Test
    void listTopicsPagesThroughAllTopics() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            arns.add(created.topic("page-" + i));
        }
        List<String> listed = sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
        assertThat(listed).containsAll(arns).doesNotHaveDuplicates();
        assertThat(sns.listTopics().nextToken()).isNotNull();
    }

    @Test
    void setTopicAttributesStoresSettableAttributesOnly() {
        String arn = created.topic("attributes");
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("DisplayName").attributeValue("Orders"));
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Policy").attributeValue("{\"Version\":\"2012-10-17\"}"));

        assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
                .containsEntry("DisplayName", "Orders")
                .containsEntry("Policy", "{\"Version\":\"2012-10-17\"}");
        assertThatThrownBy(() -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Colour").attributeValue("x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Colour");
        assertThatThrownBy(() -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("FifoTopic").attributeValue("true")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void deleteTopicRemovesItAndItsSubscriptionsAndIsIdempotent() {
        String arn = created.topic("doomed");
        String queueArn = created.queueArn(created.queue("doomed"));
        String subscription = sns.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint(queueArn)).subscriptionArn();

        sns.deleteTopic(r -> r.topicArn(arn));
        sns.deleteTopic(r -> r.topicArn(arn));

        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn(arn)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Topic does not exist");
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscription)))
                .isInstanceOf(NotFoundException.class);
        assertThat(sns.listTopicsPaginator().topics()).extracting(Topic::topicArn).doesNotContain(arn);
    }

    @Test
    void subscribeIsIdempotentAndListedAndDescribed() {
        String topic = created.topic("subscribed");
        String queueArn = created.queueArn(created.queue("subscribed"));
        Map<String, String> attributes = Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"kind\":[\"a\"]}", "FilterPolicyScope", "MessageAttributes");

        String arn = sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(attributes)
                .returnSubscriptionArn(true)).subscriptionArn();
        assertThat(sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(attributes))
                .subscriptionArn()).isEqualTo(arn);
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "false"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("different attributes");

        Subscription expected = Subscription.builder().subscriptionArn(arn).owner("000000000000").protocol("sqs")
                .endpoint(queueArn).topicArn(topic).build();
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()).containsExactly(expected);
        assertThat(sns.listSubscriptionsPaginator().subscriptions()).contains(expected);
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("SubscriptionArn", arn)
                .containsEntry("TopicArn", topic)
                .containsEntry("Protocol", "sqs")
                .containsEntry("Endpoint", queueArn)
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicy", "{\"kind\":[\"a\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes")
                .containsEntry("PendingConfirmation", "false");

        sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("RawMessageDelivery").attributeValue("false"));
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("RawMessageDelivery", "false");

        sns.unsubscribe(r -> r.subscriptionArn(arn));
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()).isEmpty();
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Subscription does not exist");
    }

    @Test
    void subscribeRefusesWhatIsNotAnSqsQueueArnOrAMissingTopic() {
        String topic = created.topic("refusing");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("https").endpoint("https://example.com")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("only sqs");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint("http://127.0.0.1/q")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("arn:aws:sqs");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic + "-missing").protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:q")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.listSubscriptionsByTopic(r -> r.topicArn(topic + "-missing")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void tagsCanBeAddedReplacedAndRemoved() {
        String arn = created.topic("tagged");
        sns.tagResource(r -> r.resourceArn(arn).tags(tag("a", "1"), tag("b", "2")));
        sns.tagResource(r -> r.resourceArn(arn).tags(tag("b", "3")));
        assertThat(sns.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsExactly(tag("a", "1"), tag("b", "3"));

        sns.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
        assertThat(sns.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsExactly(tag("b", "3"));

        assertThatThrownBy(() -> sns.listTagsForResource(r -> r.resourceArn(arn + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void unsupportedActionIsAClearError() {
        assertThatThrownBy(() -> sns.createPlatformApplication(r -> r.name("p").platform("GCM").attributes(Map.of())))
                .isInstanceOf(SnsException.class)
                .hasMessageContaining("CreatePlatformApplication")
                .satisfies(e -> assertThat(((SnsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidAction"));
    }

    @Test
    void answersPlainQueryRequestsOverGetToo() throws IOException, InterruptedException {
        String arn = created.topic("plain");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(hake.endpoint() + "/?Action=GetTopicAttributes&Version=2010-03-31&TopicArn=" + arn)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.body()).contains("<GetTopicAttributesResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">")
                .contains("<key>TopicArn</key><value>" + arn + "</value>");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
