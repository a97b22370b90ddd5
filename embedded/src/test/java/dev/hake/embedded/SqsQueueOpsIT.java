package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The SQS calls the provider makes, through the front to ElasticMQ, with the SDK's JSON protocol. */
class SqsQueueOpsIT extends EmbeddedEndpointTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}";

    @Test
    void createQueueTakesTheProvidersAttributesAndTagsAndReportsThem() {
        String deadLetters = created.queue("dead-letters");
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + created.queueArn(deadLetters) + "\",\"maxReceiveCount\":\"5\"}";
        Map<QueueAttributeName, String> attributes = Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "45",
                QueueAttributeName.DELAY_SECONDS, "0",
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "86400",
                QueueAttributeName.POLICY, POLICY,
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy);
        CreateQueueRequest request = CreateQueueRequest.builder().queueName(created.name("configured"))
                .attributes(attributes).tags(Map.of("hake", "test")).build();
        String url = created.queue(request);

        assertThat(sqs.createQueue(request).queueUrl()).as("CreateQueue is idempotent").isEqualTo(url);
        Map<String, String> reported = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertThat(reported)
                .containsEntry("VisibilityTimeout", "45")
                .containsEntry("DelaySeconds", "0")
                .containsEntry("MessageRetentionPeriod", "86400")
                .containsEntry("Policy", POLICY)
                .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:" + created.name("configured"))
                .containsKey("RedrivePolicy");
        assertThat(reported.get("RedrivePolicy")).contains(created.queueArn(deadLetters));
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
                .attributesAsStrings()).containsOnly(Map.entry("Policy", POLICY));
        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).containsOnly(Map.entry("hake", "test"));
    }

    @Test
    void fifoQueueWithContentBasedDeduplication() {
        String url = created.queue(CreateQueueRequest.builder().queueName(created.name("ordered.fifo"))
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")).build());

        sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("other").messageGroupId("g"));

        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
                .containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true");
        assertThat(receive(url, 10)).extracting(Message::body).containsExactly("same", "other");
    }

    @Test
    void setQueueAttributesAcceptsAPolicyAndReportsIt() {
        String url = created.queue("policy");
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, POLICY,
                QueueAttributeName.VISIBILITY_TIMEOUT, "12")));

        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
                .containsEntry("Policy", POLICY).containsEntry("VisibilityTimeout", "12");
    }

    @Test
    void deletedQueueForgetsItsPolicy() {
        String name = created.name("reborn");
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.POLICY, POLICY))).queueUrl();
        sqs.deleteQueue(r -> r.queueUrl(url));
        created.queue("reborn");

        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
                .doesNotContainKey("Policy");
    }

    @Test
    void tagQueueAndUntagQueue() {
        String url = created.queue("tags");
        sqs.tagQueue(r -> r.queueUrl(url).tags(Map.of("a", "1", "b", "2")));
        sqs.untagQueue(r -> r.queueUrl(url).tagKeys("a"));

        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).containsOnly(Map.entry("b", "2"));
    }

    @Test
    void unknownJsonTargetIsAClearError() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hake.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException").contains("DynamoDB_20120810.ListTables");
    }

    @Test
    void getQueueUrlOfAMissingQueueIsQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("no-such-queue-" + System.nanoTime())))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void receiveReportsAttributesReceiveCountAndSentTimestamp() {
        String url = created.queue("attributes");
        long before = System.currentTimeMillis();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("body").messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("k").build(),
                "size", MessageAttributeValue.builder().dataType("Number").stringValue("3").build())));

        Message first = receive(url, 1).get(0);
        assertThat(first.messageAttributes()).containsKeys("kind", "size");
        assertThat(first.messageAttributes().get("size").dataType()).isEqualTo("Number");
        assertThat(first.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
        assertThat(Long.parseLong(first.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)))
                .isBetween(before - 1_000, System.currentTimeMillis() + 1_000);

        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(first.receiptHandle()).visibilityTimeout(0));
        Message again = receive(url, 1).get(0);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    }

    @Test
    void changeMessageVisibilityBatchToZeroReleasesAtOnce() {
        String url = created.queue("release");
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("a"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("b"));
        List<Message> received = receive(url, 10);
        assertThat(received).hasSize(2);
        assertThat(receive(url, 10)).as("hidden while received").isEmpty();

        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(received.stream()
                .map(m -> ChangeMessageVisibilityBatchRequestEntry.builder().id(m.messageId())
                        .receiptHandle(m.receiptHandle()).visibilityTimeout(0).build()).toList()));

        assertThat(receive(url, 10)).extracting(Message::body).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void deleteMessageBatchDeletesAndReportsEachEntry() {
        String url = created.queue("delete");
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("m" + n));
        }
        List<Message> received = receive(url, 10);
        assertThat(received).hasSize(3);

        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(received.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList()));

        assertThat(response.successful()).hasSize(3);
        assertThat(response.failed()).isEmpty();
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings())
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void longPollingWaitsForAMessageSentMeanwhile() throws Exception {
        String url = created.queue("long-poll");
        CompletableFuture<List<Message>> waiting = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages());
        // An empty queue answers a short poll at once; a receive still pending after half a second is long polling.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("worth the wait"));

        assertThat(waiting.get(10, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("worth the wait");
    }

    @Test
    void longPollingOnAnEmptyQueueWaitsItsTimeThenReturnsNothing() {
        String url = created.queue("empty");
        long started = System.nanoTime();
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2)).messages();

        assertThat(messages).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    }

    @Test
    void delaySecondsHidesAMessageForThatLong() {
        String url = created.queue(CreateQueueRequest.builder().queueName(created.name("delayed"))
                .attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "1")).build());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("later"));

        assertThat(receive(url, 1)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(receive(url, 1)).extracting(Message::body).containsExactly("later"));
    }

    @Test
    void redrivePolicyMovesAMessageToTheDeadLetterQueueAfterMaxReceives() {
        String deadLetters = created.queue("dlq");
        String url = created.queue(CreateQueueRequest.builder().queueName(created.name("redriven"))
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + created.queueArn(deadLetters) + "\",\"maxReceiveCount\":1}"))
                .build());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("poison"));

        Message once = receive(url, 1).get(0);
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(once.receiptHandle()).visibilityTimeout(0));

        assertThat(receive(url, 1)).isEmpty();
        assertThat(receive(deadLetters, 1)).extracting(Message::body).containsExactly("poison");
    }

    @Test
    void queryProtocolRequestsAreForwardedToo() throws IOException, InterruptedException {
        String url = created.queue("query");
        String form = "Action=SendMessage&Version=2012-11-05&QueueUrl=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                + "&MessageBody=" + URLEncoder.encode("from an old client", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<SendMessageResponse").contains("<MessageId>");
        assertThat(receive(url, 1)).extracting(Message::body).containsExactly("from an old client");
    }

    private static List<Message> receive(String queueUrl, int max) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(0)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
    }
}
