package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.internal.Json;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS to SQS through the SDK. Delivery follows Publish, as in SNS, so messages are received with
 * long polls until as many as expected have come; then a receive with no wait checks that nothing
 * else is there. Each subscription receives in publish order, so once the last message published
 * to it has come, anything published before it would have come too: where a filter or SQS drops
 * some messages, the tests make sure an accepted one is published last.
 */
class SnsFanOutIT extends EmbeddedEndpointTest {

    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(10);

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
            List<Message> messages = receive(queue, 1);
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

        Message message = receive(queue, 1).get(0);
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
        Map<String, Object> envelope = (Map<String, Object>) Json.parse(receive(queue, 1).get(0).body());
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
        publish(topic, "red-10", Map.of("colour", stringAttribute("red"), "size", numberAttribute("10")));

        assertThat(bodies(receive(bigRed, 3))).containsExactlyInAnyOrder("red-12", "crimson-10", "red-10");
        assertThat(bodies(receive(all, 6))).hasSize(6);
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
        assertThat(bodies(receive(queue, 1))).containsExactly("signal");

        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription).attributeName("FilterPolicy").attributeValue(""));
        publish(topic, "noise again", Map.of("kind", stringAttribute("noise")));
        assertThat(bodies(receive(queue, 1))).containsExactly("noise again");
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
        assertThat(bodies(receive(queue, 2))).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void publishBatchGivesEachSubscriptionTheEntriesItsFilterPassesWithTheirAttributes() {
        String topic = created.topic("batch-fan-out");
        String raw = created.queue("batch-raw");
        String even = created.queue("batch-even");
        String enveloped = created.queue("batch-enveloped");
        subscribeRaw(topic, raw);
        subscribe(topic, even, Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"parity\": [\"even\"]}"));
        subscribe(topic, enveloped, Map.of());

        PublishBatchResponse response = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(tenEntries()));

        assertThat(response.failed()).isEmpty();
        assertThat(response.successful()).extracting("id")
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
        // Standard queues keep no order, so only the FIFO test below can check the order.
        List<Message> rawMessages = receive(raw, 10);
        assertThat(bodies(rawMessages)).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        rawMessages.forEach(SnsFanOutIT::assertRawAttributesOfItsEntry);
        List<Message> evenMessages = receive(even, 5);
        assertThat(bodies(evenMessages)).containsExactlyInAnyOrder("m0", "m2", "m4", "m6", "m8");
        evenMessages.forEach(SnsFanOutIT::assertRawAttributesOfItsEntry);
        List<Message> envelopes = receive(enveloped, 10);
        assertThat(envelopes).allSatisfy(message -> assertThat(message.messageAttributes()).isEmpty());
        assertThat(envelopes.stream().map(SnsFanOutIT::envelope).map(SnsFanOutIT::withoutTimestampAndUrl).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> Map.of(
                        "Type", "Notification",
                        "MessageId", response.successful().get(i).messageId(),
                        "TopicArn", topic,
                        "Message", "m" + i,
                        "SignatureVersion", "1",
                        "MessageAttributes", Map.of(
                                "n", Map.of("Type", "Number", "Value", Integer.toString(i)),
                                "parity", Map.of("Type", "String", "Value", i % 2 == 0 ? "even" : "odd"),
                                "blob", Map.of("Type", "Binary", "Value",
                                        Base64.getEncoder().encodeToString(("b" + i).getBytes(StandardCharsets.UTF_8))),
                                "tags", Map.of("Type", "String.Array", "Value", "[\"t\"," + i + "]")))).toList());
    }

    @Test
    void fifoPublishBatchReachesEverySubscriptionInPublishOrder() {
        String topic = created.topic(CreateTopicRequest.builder().name(created.name("batch.fifo"))
                .attributes(Map.of("FifoTopic", "true")).build());
        String raw = fifoQueue("batch-raw.fifo");
        String even = fifoQueue("batch-even.fifo");
        String enveloped = fifoQueue("batch-enveloped.fifo");
        subscribeRaw(topic, raw);
        subscribe(topic, even, Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"parity\": [\"even\"]}"));
        subscribe(topic, enveloped, Map.of());
        List<PublishBatchRequestEntry> ten = tenEntries();
        List<PublishBatchRequestEntry> entries = IntStream.range(0, 10)
                .mapToObj(i -> ten.get(i).toBuilder().messageGroupId("g").messageDeduplicationId("d" + i).build())
                .toList();

        PublishBatchResponse response = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(entries));

        assertThat(response.failed()).isEmpty();
        List<String> sequenceNumbers = response.successful().stream().map(PublishBatchResultEntry::sequenceNumber).toList();
        assertThat(sequenceNumbers).isSortedAccordingTo(Comparator.comparing(BigInteger::new));
        List<Message> rawMessages = receive(raw, 10);
        assertThat(bodies(rawMessages)).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        rawMessages.forEach(SnsFanOutIT::assertRawAttributesOfItsEntry);
        assertThat(rawMessages).allSatisfy(message -> assertThat(message.attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g")
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "d" + message.body().substring(1)));
        List<Message> evenMessages = receive(even, 5);
        assertThat(bodies(evenMessages)).containsExactly("m0", "m2", "m4", "m6", "m8");
        evenMessages.forEach(SnsFanOutIT::assertRawAttributesOfItsEntry);
        List<Map<String, Object>> envelopes = receive(enveloped, 10).stream().map(SnsFanOutIT::envelope).toList();
        assertThat(envelopes).extracting(envelope -> envelope.get("Message"))
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(envelopes).extracting(envelope -> envelope.get("SequenceNumber")).containsExactlyElementsOf(sequenceNumbers);
    }

    @ParameterizedTest(name = "fifo={0}")
    @ValueSource(booleans = {false, true})
    void publishBatchWhoseEnvelopesTogetherExceedTheSqsBatchLimitIsDeliveredCompletely(boolean fifo) {
        String topic = fifo
                ? created.topic(CreateTopicRequest.builder().name(created.name("batch-large.fifo"))
                        .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true")).build())
                : created.topic("batch-large");
        String enveloped = fifo ? fifoQueue("batch-large.fifo") : created.queue("batch-large");
        subscribe(topic, enveloped, Map.of());
        // 10 x 26,200 bytes is within PublishBatch's limit of 262,144; with their envelopes they are not.
        List<String> published = IntStream.range(0, 10).mapToObj(i -> i + ":" + "x".repeat(26_198)).toList();

        PublishBatchResponse response = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(
                IntStream.range(0, 10).mapToObj(i -> entry("e" + i, published.get(i), Map.of()).toBuilder()
                        .messageGroupId(fifo ? "g" : null).build()).toList()));

        assertThat(response.failed()).isEmpty();
        List<Message> messages = receive(enveloped, 10);
        assertThat(messages.stream().mapToInt(message -> message.body().getBytes(StandardCharsets.UTF_8).length).sum())
                .isGreaterThan(262_144);
        List<Object> delivered = messages.stream().map(message -> envelope(message).get("Message")).toList();
        if (fifo) {
            assertThat(delivered).containsExactlyElementsOf(published);
        } else {
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(published);
        }
    }

    @Test
    void anEntryTheQueueRefusesIsDroppedThereAndTheOthersStillArrive() {
        String topic = created.topic("batch-refused");
        String raw = created.queue("batch-refused-raw");
        String enveloped = created.queue("batch-refused-enveloped");
        subscribeRaw(topic, raw);
        subscribe(topic, enveloped, Map.of());
        // SNS takes 11 attributes; SQS takes at most 10, so raw delivery of that entry fails, and only that one.
        Map<String, MessageAttributeValue> eleven = IntStream.range(0, 11).boxed()
                .collect(Collectors.toMap(i -> "a" + i, i -> stringAttribute("v")));

        PublishBatchResponse response = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(
                entry("first", "first", Map.of()), entry("crowded", "crowded", eleven), entry("last", "last", Map.of())));

        assertThat(response.successful()).extracting("id").containsExactly("first", "crowded", "last");
        assertThat(bodies(receive(raw, 2))).containsExactlyInAnyOrder("first", "last");
        assertThat(receive(enveloped, 3)).extracting(message -> envelope(message).get("Message"))
                .containsExactlyInAnyOrder("first", "crowded", "last");
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
        sns.publish(r -> r.topicArn(topic).message("m3").messageGroupId("g1"));

        assertThat(new BigInteger(second.sequenceNumber())).isGreaterThan(new BigInteger(first.sequenceNumber()));
        List<Message> messages = receive(queue, 4);
        assertThat(bodies(messages)).containsExactly("m1", "m2", "explicit", "m3");
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
        assertThat(bodies(receive(standardQueue, 1))).containsExactly("to a standard queue");
    }

    @Test
    void publishToAMissingTopicIsNotFound() {
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:no-such-topic").message("m")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Topic does not exist")
                .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void aMessageOfExactlySnsLimitReachesRawAndEnvelopedSubscriptions() {
        String topic = created.topic("sns-limit");
        String raw = created.queue("sns-limit-raw");
        String enveloped = created.queue("sns-limit-enveloped");
        subscribeRaw(topic, raw);
        subscribe(topic, enveloped, Map.of());
        String body = "x".repeat(262_144 - 20); // + "attribute" + "String" + "value" = 262,144 bytes

        sns.publish(r -> r.topicArn(topic).message(body)
                .messageAttributes(Map.of("attribute", stringAttribute("value"))));

        // The envelope is larger than SNS's 256 KiB; SQS takes it since its limit is 1 MiB.
        List<Message> envelopes = receive(enveloped, 1);
        assertThat(envelopes.get(0).body().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(262_144);
        assertThat(envelope(envelopes.get(0)).get("Message")).isEqualTo(body);
        List<Message> raws = receive(raw, 1);
        assertThat(raws).extracting(Message::body).containsExactly(body);
        assertThat(raws.get(0).messageAttributes().get("attribute").stringValue()).isEqualTo("value");
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
        assertThat(receive(queue, 1)).hasSize(1);
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
        PublishBatchResponse batch = sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(
                entry("one", "batched 1", Map.of()), entry("two", "batched 2", Map.of())));

        assertThat(batch.successful()).hasSize(2);
        assertThat(bodies(receive(kept, 3))).containsExactlyInAnyOrder("still delivered", "batched 1", "batched 2");
    }

    @Test
    void messageStructureJsonDeliversTheSqsEntry() {
        String topic = created.topic("structured");
        String queue = created.queue("structured");
        subscribeRaw(topic, queue);

        sns.publish(r -> r.topicArn(topic).messageStructure("json")
                .message("{\"default\": \"for everyone\", \"sqs\": \"for queues\"}"));
        assertThat(bodies(receive(queue, 1))).containsExactly("for queues");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topic).messageStructure("json").message("{\"sqs\": \"x\"}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No default entry");
    }

    private String subscribeRaw(String topicArn, String queueUrl) {
        return sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(created.queueArn(queueUrl))
                .attributes(Map.of("RawMessageDelivery", "true")).returnSubscriptionArn(true)).subscriptionArn();
    }

    private void subscribe(String topicArn, String queueUrl, Map<String, String> attributes) {
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(created.queueArn(queueUrl)).attributes(attributes));
    }

    private String fifoQueue(String name) {
        return created.queue(CreateQueueRequest.builder().queueName(created.name(name))
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")).build());
    }

    /**
     * Entries e0 to e9 with bodies m0 to m9 and attributes of every type: n (Number, 0 to 9),
     * parity (String, even or odd), blob (Binary, "b0" to "b9") and tags (String.Array).
     */
    private static List<PublishBatchRequestEntry> tenEntries() {
        return IntStream.range(0, 10).mapToObj(i -> entry("e" + i, "m" + i, Map.of(
                "n", numberAttribute(Integer.toString(i)),
                "parity", stringAttribute(i % 2 == 0 ? "even" : "odd"),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("b" + i)).build(),
                "tags", MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"t\"," + i + "]").build())))
                .toList();
    }

    /** A message from {@link #tenEntries()} delivered raw carries the attributes of its entry. */
    private static void assertRawAttributesOfItsEntry(Message message) {
        int n = Integer.parseInt(message.body().substring(1));
        var attributes = message.messageAttributes(); // SQS attribute values, not the SNS ones imported here
        assertThat(attributes).containsOnlyKeys("n", "parity", "blob", "tags");
        assertThat(attributes.get("n").dataType()).isEqualTo("Number");
        assertThat(attributes.get("n").stringValue()).isEqualTo(Integer.toString(n));
        assertThat(attributes.get("parity").stringValue()).isEqualTo(n % 2 == 0 ? "even" : "odd");
        assertThat(attributes.get("blob").binaryValue().asUtf8String()).isEqualTo("b" + n);
        assertThat(attributes.get("tags").dataType()).isEqualTo("String");
        assertThat(attributes.get("tags").stringValue()).isEqualTo("[\"t\"," + n + "]");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(Message message) {
        return (Map<String, Object>) Json.parse(message.body());
    }

    /** The envelope without its fields that differ from one run to the next. */
    private static Map<String, Object> withoutTimestampAndUrl(Map<String, Object> envelope) {
        Map<String, Object> rest = new HashMap<>(envelope);
        rest.remove("Timestamp");
        rest.remove("UnsubscribeURL");
        return rest;
    }

    private static void publish(String topicArn, String body, Map<String, MessageAttributeValue> attributes) {
        sns.publish(r -> r.topicArn(topicArn).message(body).messageAttributes(attributes));
    }

    /**
     * The messages of the queue, in the order received: long polls until {@code count} have come
     * (for at most {@link #DELIVERY_LIMIT}), then one receive with no wait for any beyond them.
     */
    private static List<Message> receive(String queueUrl, int count) {
        List<Message> received = new ArrayList<>();
        await().atMost(DELIVERY_LIMIT).until(() -> {
            received.addAll(receiveAndDelete(queueUrl, 1));
            return received.size() >= count;
        });
        received.addAll(receiveAndDelete(queueUrl, 0));
        return received;
    }

    /**
     * One receive, whose messages are deleted at once: a FIFO queue gives nothing more of a group
     * while some of it is in flight.
     */
    private static List<Message> receiveAndDelete(String queueUrl, int waitSeconds) {
        List<Message> answer = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).messages();
        if (!answer.isEmpty()) {
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (Message message : answer) {
                deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
        }
        return answer;
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
