package dev.hake.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.CreatedResources;
import dev.hake.embedded.TestClients;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SNS to SQS fan-out on whichever backend {@code hake.test.backend} chooses, so the same
 * expectations hold for the embedded endpoint, moto and LocalStack alike. Nothing here assumes
 * synchronous delivery or a particular account id.
 */
@ExtendWith(HakeBackendExtension.class)
class BackendFanOutIT {

    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(15);

    private final HakeTestBackend backend;
    private SqsClient sqs;
    private SnsClient sns;
    private CreatedResources created;

    BackendFanOutIT(HakeTestBackend backend) {
        this.backend = backend;
    }

    @BeforeEach
    void connect() {
        sqs = TestClients.sqs(backend.endpoint(), backend.region(), backend.accessKeyId(), backend.secretAccessKey());
        sns = TestClients.sns(backend.endpoint(), backend.region(), backend.accessKeyId(), backend.secretAccessKey());
        created = new CreatedResources(sqs, sns);
    }

    @AfterEach
    void cleanUpAndDisconnect() {
        created.deleteAll();
        sqs.close();
        sns.close();
    }

    @Test
    void topicFansOutToEveryRawSubscription() {
        String topic = created.topic("fan-out");
        List<String> queues = List.of(created.queue("first"), created.queue("second"));
        for (String queue : queues) {
            subscribeRaw(topic, queue, null);
        }

        sns.publish(r -> r.topicArn(topic).message("to everyone").messageAttributes(Map.of("kind", text("greeting"))));

        for (String queue : queues) {
            Message message = awaitMessages(queue, 1).get(0);
            assertThat(message.body()).isEqualTo("to everyone");
            assertThat(message.messageAttributes().get("kind").stringValue()).isEqualTo("greeting");
        }
    }

    @Test
    void filterPolicyDropsWhatDoesNotMatch() {
        String topic = created.topic("filtered");
        String queue = created.queue("filtered");
        subscribeRaw(topic, queue, "{\"kind\": [\"keep\"]}");

        sns.publish(r -> r.topicArn(topic).message("dropped").messageAttributes(Map.of("kind", text("drop"))));
        sns.publish(r -> r.topicArn(topic).message("kept").messageAttributes(Map.of("kind", text("keep"))));

        assertThat(awaitMessages(queue, 1)).extracting(Message::body).containsExactly("kept");
    }

    @Test
    void publishBatchReachesEachSubscriptionWithWhatItsFilterPasses() {
        String topic = created.topic("batch");
        String all = created.queue("batch-all");
        String even = created.queue("batch-even");
        subscribeRaw(topic, all, null);
        subscribeRaw(topic, even, "{\"parity\": [\"even\"]}");

        sns.publishBatch(r -> r.topicArn(topic).publishBatchRequestEntries(IntStream.range(0, 10)
                .mapToObj(i -> PublishBatchRequestEntry.builder().id("e" + i).message("m" + i)
                        .messageAttributes(Map.of("parity", text(i % 2 == 0 ? "even" : "odd"))).build())
                .toList()));

        assertThat(awaitMessages(all, 10)).extracting(Message::body)
                .containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(awaitMessages(even, 5)).extracting(Message::body)
                .containsExactlyInAnyOrder("m0", "m2", "m4", "m6", "m8");
    }

    @Test
    void hakeUriPointsAtThisBackend() {
        assertThat(backend.hakeUri()).startsWith("hake:?endpoint="
                + URLEncoder.encode(backend.endpoint().toString(), StandardCharsets.UTF_8) + "&region=" + backend.region());
        assertThat(backend.hakeUri("prefix=it-")).endsWith("&prefix=it-");
    }

    private void subscribeRaw(String topicArn, String queueUrl, String filterPolicy) {
        Map<String, String> attributes = filterPolicy == null
                ? Map.of("RawMessageDelivery", "true")
                : Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(created.queueArn(queueUrl)).attributes(attributes));
    }

    /** Collects messages until there are as many as expected (received messages are hidden, so keep them). */
    private List<Message> awaitMessages(String queueUrl, int expected) {
        List<Message> received = new ArrayList<>();
        await().atMost(DELIVERY_LIMIT).until(() -> {
            received.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages());
            return received.size() >= expected;
        });
        return received;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
