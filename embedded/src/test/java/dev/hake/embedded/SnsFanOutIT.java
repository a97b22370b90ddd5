package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.embedded.internal.Json;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS to SQS through the SDK. Messages are received with no wait at all right after Publish
 * returns: that fan-out is synchronous is part of what is tested.
 */
class SnsFanOutIT extends EmbeddedEndpointTest {

    @Test
    void rawDeliveryPutsBodyAndAttributesIntoEverySubscribedQueue() {
        String topic = created.topic("orders");
        String first = created.queue("first");
        String second = created.queue("second");
        subscribeRaw(topic, first);
        subscribeRaw(topic, second);

        sns.publish(r -> r.topicArn(topic).message("order 42").messageAttributes(Map.of(
                "kind", stringAttribute("created"),
                "amount", MessageAttributeValue.builder().dataType("Number").stringValue("12.5").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes")).build(),
                "tags", MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"a\",\"b\"]").build())));

        for (String queue : List.of(first, second)) {
            List<Message> messages = receiveNow(queue);
            assertThat(messages).hasSize(1);
            Message message = messages.get(0);
            assertThat(message.body()).isEqualTo("order 42");
            assertThat(message.messageAttributes().get("kind").stringValue()).isEqualTo("created");
            assertThat(message.messageAttributes().get("amount").dataType()).isEqualTo("Number");
            assertThat(message.messageAttributes().get("amount").stringValue()).isEqualTo("12.5");
            assertThat(message.messageAttributes().get("blob").binaryValue().asUtf8String()).isEqualTo("bytes");
            assertThat(message.messageAttributes().get("tags").dataType()).isEqualTo("String");
            assertThat(message.messageAttributes().get("tags").stringValue()).isEqualTo("[\"a\",\"b\"]");
        }
    }

    @Test
    void deliveryWithoutRawPutsTheJsonEnvelopeWithoutSqsAttributes() {
        String topic = created.topic("envelope");
        String queue = created.queue("envelope");
        String subscription = sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(created.queueArn(queue)))
                .subscriptionArn();

        PublishResponse published = sns.publish(r -> r.topicArn(topic).message("hello").subject("greeting")
                .messageAttributes(Map.of("kind", stringAttribute("test"),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromUtf8String("xyz")).build())));

        Message message = receiveNow(queue).get(0);
        assertThat(message.messageAttributes()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = (Map<String, Object>) Json.parse(message.body());
        assertThat(envelope).containsEntry("Type", "Notification")
                .containsEntry("MessageId", published.messageId())
                .containsEntry("TopicArn", topic)
                .containsEntry("Subject", "greeting")
                .containsEntry("Message", "hello")
                .containsEntry("SignatureVersion", "1")
                .containsKey("Timestamp");
        assertThat((String) envelope.get("Timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat((String) envelope.get("UnsubscribeURL")).contains("Action=Unsubscribe");
        assertThat(envelope.get("MessageAttributes")).isEqualTo(Map.of(
                "kind", Map.of("Type", "String", "Value", "test"),
                "blob", Map.of("Type", "Binary", "Value", Base64.getEncoder().encodeToString("xyz".getBytes(StandardCharsets.UTF_8)))));
        assertThat(subscription).startsWith(topic + ":");
    }

    @Test
    void theEnvelopesUnsubscribeUrlUnsubscribes() throws Exception {
        String topic = created.topic("leaving");
        String queue = created.queue("leaving");
        sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(created.queueArn(queue)));
        sns.publish(r -> r.topicArn(topic).message("bye"));

        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = (Map<String, Object>) Json.parse(receiveNow(queue).get(0).body());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create((String) envelope.get("UnsubscribeURL"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()).isEmpty();
    }

    @Test
    void filterPolicyKeepsMatchingMessagesAndDropsTheRest() {
        String topic = created.topic("filtered");
        String all = created.queue("all");
        String bigRed = created.queue("big-red");
        subscribeRaw(topic, all);
        sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(created.queueArn(bigRed))
                .attributes(Map.of("RawMessageDelivery", "true",
                        "FilterPolicy", "{\"colour\": [\"red\", {\"prefix\": \"crim\"}], \"size\": [{\"numeric\": [\">=\", 10]}]}")));

        publish(topic, "red-12", Map.of("colour", stringAttribute("red"), "size", numberAttribute("12")));
        publish(topic, "crimson-10", Map.of("colour", stringAttribute("crimson"), "size", numberAttribute("10.0")));
        publish(topic, "red-9", Map.of("colour", stringAttribute("red"), "size", numberAttribute("9")));
        publish(topic, "blue-12", Map.of("colour", stringAttribute("blue"), "size", numberAttribute("12")));
        publish(topic, "no-size", Map.of("colour", stringAttribute("red")));

        assertThat(bodies(receiveNow(bigRed))).containsExactlyInAnyOrder("red-12", "crimson-10");
        assertThat(bodies(receiveNow(all))).hasSize(5);
    }

    @Test
    void filterPolicyChangedLaterAppliesToLaterMessages() {
        String topic = created.topic("refilter");
        String queue = created.queue("refilter");
        String subscription = subscribeRaw(topic, queue);

        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription).attributeName("FilterPolicy")
                .attributeValue("{\"kind\": [{\"anything-but\": \"noise\"}]}"));
        publish(topic, "noise", Map.of("kind", stringAttribute("noise")));
        publish(topic, "signal", Map.of("kind", stringAttribute("signal")));
        assertThat(bodies(receiveNow(queue))).containsExactly("signal");

        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription).attributeName("FilterPolicy").attributeValue(""));
        publish(topic, "noise again", Map.of("kind", stringAttribute("noise")));
        assertThat(bodies(receiveNow(queue))).containsExactly("noise again");
    }

    @Test
    void unsupportedFilterOperatorIsRefusedAtSubscribeAndAtSetSubscriptionAttributes() {
        String topic = created.topic("unsupported");
        String queue = created.queue("unsupported");
        String queueArn = created.queueArn(queue);

        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("FilterPolicy", "{\"ip\": [{\"cidr\": \"10.0.0.0/24\"}]}"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("cidr");

        String subscription = subscribeRaw(topic, queue);
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription)
                .attributeName("FilterPolicy").attributeValue("{\"name\": [{\"wildcard\": \"a*\"}]}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription)
                .attributeName("FilterPolicyScope").attributeValue("MessageBody")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageBody");
    }

    @Test
    void publishBatchReportsEachEntryAndDeliversTheGoodOnes() {
        String topic = created.topic("batch");
        String queue = created.queue("batch");
        subscribeRaw(topic, queue);

        PublishBatchResponse response = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(
                entry("one", "first", Map.of("n", numberAttribute("1"))),
                entry("two", "second", Map.of()),
                entry("bad", "third", Map.of("n", numberAttribute("not a number"))),
                entry("empty", "", Map.of())));

        assertThat(response.successful()).extracting("id").containsExactly("one", "two");
        assertThat(response.successful()).allSatisfy(entry -> assertThat(entry.messageId()).isNotBlank());
        assertThat(response.failed()).extracting("id").containsExactly("bad", "empty");
        assertThat(response.failed()).extracting("code").containsExactly("ParameterValueInvalid", "InvalidParameter");
        assertThat(response.failed()).allSatisfy(entry -> assertThat(entry.senderFault()).isTrue());
        assertThat(bodies(receiveNow(queue))).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void fifoTopicDeliversInOrderToFifoQueueWithGroupAndDeduplication() {
        String topic = created.topic(CreateTopicRequest.builder().name(created.name("events.fifo"))
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true")).build());
        String queue = created.queue(CreateQueueRequest.builder().queueName(created.name("events.fifo"))
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")).build());
        subscribeRaw(topic, queue);

        PublishResponse first = sns.publish(r -> r.topicArn(topic).message("m1").messageGroupId("g1"));
        PublishResponse second = sns.publish(r -> r.topicArn(topic).message("m2").messageGroupId("g1"));
        sns.publish(r -> r.topicArn(topic).message("m1").messageGroupId("g1"));
        sns.publish(r -> r.topicArn(topic).message("explicit").messageGroupId("g1").messageDeduplicationId("d-1"));
        sns.publish(r -> r.topicArn(topic).message("explicit again").messageGroupId("g1").messageDeduplicationId("d-1"));

        assertThat(new BigInteger(second.sequenceNumber())).isGreaterThan(new BigInteger(first.sequenceNumber()));
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).messages();
        assertThat(bodies(messages)).containsExactly("m1", "m2", "explicit");
        assertThat(messages.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g1");
        assertThat(messages.get(2).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "d-1");
    }

    @Test
    void fifoTopicNeedsAGroupAndADeduplicationIdOrContentBasedDeduplication() {
        String topic = created.topic(CreateTopicRequest.builder().name(created.name("strict.fifo"))
                .attributes(Map.of("FifoTopic", "true")).build());

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topic).message("m")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("MessageGroupId");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topic).message("m").messageGroupId("g")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ContentBasedDeduplication");
        assertThat(sns.publish(r -> r.topicArn(topic).message("m").messageGroupId("g").messageDeduplicationId("d"))
                .sequenceNumber()).hasSize(20);
    }

    @Test
    void fifoTopicAlsoFeedsStandardQueuesButAStandardTopicCannotFeedAFifoQueue() {
        String fifoTopic = created.topic(CreateTopicRequest.builder().name(created.name("mix.fifo"))
                .attributes(Map.of("FifoTopic", "true")).build());
        String standardTopic = created.topic("mix");
        String fifoQueue = created.queue(CreateQueueRequest.builder().queueName(created.name("mix.fifo"))
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")).build());
        String standardQueue = created.queue("mix");

        assertThatThrownBy(() -> subscribeRaw(standardTopic, fifoQueue))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FIFO");
        subscribeRaw(fifoTopic, standardQueue);
        sns.publish(r -> r.topicArn(fifoTopic).message("to a standard queue").messageGroupId("g").messageDeduplicationId("d"));
        assertThat(bodies(receiveNow(standardQueue))).containsExactly("to a standard queue");
    }

    @Test
    void publishToAMissingTopicIsNotFound() {
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:no-such-topic").message("m")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Topic does not exist")
                .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void messageOverTheSizeLimitIsRefusedWithItsSize() {
        String topic = created.topic("large");
        String queue = created.queue("large");
        subscribeRaw(topic, queue);
        String body = "x".repeat(262_144 - 10); // + "attribute" + "String" + "value" = 262,154 bytes

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topic).message(body)
                .messageAttributes(Map.of("attribute", stringAttribute("value")))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("262154 bytes")
                .hasMessageContaining("262144");
        sns.publish(r -> r.topicArn(topic).message(body));
        assertThat(receiveNow(queue)).hasSize(1);
    }

    @Test
    void subscriptionWhoseQueueIsGoneIsSkipped() {
        String topic = created.topic("orphan");
        String gone = created.queue("gone");
        String kept = created.queue("kept");
        subscribeRaw(topic, gone);
        subscribeRaw(topic, kept);
        sqs.deleteQueue(r -> r.queueUrl(gone));

        sns.publish(r -> r.topicArn(topic).message("still delivered"));

        assertThat(bodies(receiveNow(kept))).containsExactly("still delivered");
    }

    @Test
    void messageStructureJsonDeliversTheSqsEntry() {
        String topic = created.topic("structured");
        String queue = created.queue("structured");
        subscribeRaw(topic, queue);

        sns.publish(r -> r.topicArn(topic).messageStructure("json")
                .message("{\"default\": \"for everyone\", \"sqs\": \"for queues\"}"));
        assertThat(bodies(receiveNow(queue))).containsExactly("for queues");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topic).messageStructure("json").message("{\"sqs\": \"x\"}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No default entry");
    }

    private String subscribeRaw(String topicArn, String queueUrl) {
        return sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(created.queueArn(queueUrl))
                .attributes(Map.of("RawMessageDelivery", "true")).returnSubscriptionArn(true)).subscriptionArn();
    }

    private static void publish(String topicArn, String body, Map<String, MessageAttributeValue> attributes) {
        sns.publish(r -> r.topicArn(topicArn).message(body).messageAttributes(attributes));
    }

    /** No wait: Publish has returned, so the messages must be there already. */
    private static List<Message> receiveNow(String queueUrl) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageAttributeNames("All")).messages();
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    private static PublishBatchRequestEntry entry(String id, String body, Map<String, MessageAttributeValue> attributes) {
        return PublishBatchRequestEntry.builder().id(id).message(body).messageAttributes(attributes).build();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue numberAttribute(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }
}
