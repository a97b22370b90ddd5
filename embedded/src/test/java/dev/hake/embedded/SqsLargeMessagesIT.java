package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SQS's message size since 2025-08-04: 1 MiB (1,048,576 bytes of body plus attribute names, types
 * and values) for a message and for a whole SendMessageBatch, and not one byte more.
 */
class SqsLargeMessagesIT extends EmbeddedEndpointTest {

    private static final int LIMIT = 1_048_576;
    /** "kind" + "String" + "claim": what the attribute adds to the size. */
    private static final int ATTRIBUTE_BYTES = 15;
    private static final Map<String, MessageAttributeValue> ATTRIBUTES =
            Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("claim").build());

    @Test
    void aMessageOfExactlyOneMebibyteIsSentAndReceivedIntact() {
        String queue = created.queue("one-mib");
        String body = bodyOfBytes(LIMIT - ATTRIBUTE_BYTES);

        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body).messageAttributes(ATTRIBUTES));

        List<Message> received = receive(queue, 1);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body()).isEqualTo(body);
        assertThat(received.get(0).messageAttributes()).isEqualTo(ATTRIBUTES);
    }

    @Test
    void aBatchOfExactlyOneMebibyteInAllIsSentAndReceivedIntact() {
        String queue = created.queue("one-mib-batch");
        String first = bodyOfBytes(LIMIT / 2 - ATTRIBUTE_BYTES);
        String second = bodyOfBytes(LIMIT / 2 - ATTRIBUTE_BYTES);

        var response = sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(
                SendMessageBatchRequestEntry.builder().id("first").messageBody(first).messageAttributes(ATTRIBUTES).build(),
                SendMessageBatchRequestEntry.builder().id("second").messageBody(second).messageAttributes(ATTRIBUTES).build()));

        assertThat(response.failed()).isEmpty();
        assertThat(response.successful()).hasSize(2);
        List<Message> received = receive(queue, 2);
        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder(first, second);
        assertThat(received).allSatisfy(message -> assertThat(message.messageAttributes()).isEqualTo(ATTRIBUTES));
    }

    @Test
    void oneByteOverTheLimitIsRefusedNamingTheLimit() {
        String queue = created.queue("too-large");
        String body = bodyOfBytes(LIMIT - ATTRIBUTE_BYTES + 1);

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body).messageAttributes(ATTRIBUTES)))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).contains("Message must be shorter than 1048576 bytes");
                });
        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody(bodyOfBytes(LIMIT / 2)).build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody(bodyOfBytes(LIMIT / 2 + 1)).build())))
                .isInstanceOf(BatchRequestTooLongException.class)
                .hasMessageContaining("cannot be longer than 1048576 bytes")
                .hasMessageContaining("1048577 bytes");
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(0)).messages()).isEmpty();
    }

    @Test
    void theQueryProtocolTakesOneMebibyteThoughUrlEncodingTriplesItAndRefusesMore() throws Exception {
        String queue = created.queue("query-one-mib");
        String body = "é".repeat(LIMIT / 2); // 1 MiB of UTF-8, about 3 MiB once URL-encoded

        HttpResponse<String> accepted = querySend(queue, body);
        HttpResponse<String> refused = querySend(queue, body + "x");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(receive(queue, 1)).extracting(Message::body).containsExactly(body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<Code>InvalidParameterValue</Code>").contains("1048576 bytes");
    }

    @Test
    void aNewQueueReportsAMaximumMessageSizeOfOneMebibyte() {
        String queue = created.queue("default-size");

        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(QueueAttributeName.MAXIMUM_MESSAGE_SIZE))
                .attributesAsStrings()).containsEntry("MaximumMessageSize", "1048576");
    }

    /** Text of exactly that many UTF-8 bytes, mostly two-byte characters so that bytes and characters differ. */
    private static String bodyOfBytes(int bytes) {
        String text = "é".repeat(bytes / 2) + (bytes % 2 == 1 ? "x" : "");
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return text;
    }

    private static HttpResponse<String> querySend(String queueUrl, String body) throws Exception {
        String form = "Action=SendMessage&Version=2012-11-05&QueueUrl=" + URLEncoder.encode(queueUrl, StandardCharsets.UTF_8)
                + "&MessageBody=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(queueUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Message> receive(String queueUrl, int expected) {
        List<Message> messages = new ArrayList<>();
        // Long polls until the expected count or an empty answer; each receive takes what is there.
        while (messages.size() < expected) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            messages.addAll(batch);
        }
        return messages;
    }
}
