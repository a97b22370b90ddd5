package dev.hake.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the backend answers when an acknowledgement is repeated, as the SDK does when the answer
 * to the first was lost (ANSWER_LOST_AFTER_APPLY). AWS documents that a DeleteMessage whose receipt
 * handle is not the latest "will still succeed"; an emulator that refuses the repeat makes a
 * delete that worked look failed. The answers go into the report; the test asserts only that the
 * first delete of each kind works and that a deleted message stays deleted.
 */
@ExtendWith(HakeBackendExtension.class)
class RepeatedDeleteProbeIT {

    private final HakeTestBackend backend;

    RepeatedDeleteProbeIT(HakeTestBackend backend) {
        this.backend = backend;
    }

    @Test
    void recordsWhatTheBackendAnswersToARepeatedDelete() {
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> findings = new ArrayList<>();
        try (SqsClient sqs = client(); BackendAdmin admin = new BackendAdmin(backend)) {
            String queue = sqs.createQueue(r -> r.queueName(prefix + "probe")
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"))).queueUrl();
            try {
                Message first = sendAndReceive(sqs, queue, "one");
                assertThat(answer(() -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(first.receiptHandle()))))
                        .isEqualTo("ok");
                findings.add("DeleteMessage repeated with the same receipt handle: " + answer(
                        () -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(first.receiptHandle()))));

                Message second = sendAndReceive(sqs, queue, "two");
                assertThat(answer(() -> deleteBatch(sqs, queue, second.receiptHandle()))).isEqualTo("ok");
                findings.add("DeleteMessageBatch repeated with the same receipt handle: "
                        + answer(() -> deleteBatch(sqs, queue, second.receiptHandle())));

                Message third = sendAndReceive(sqs, queue, "three");
                Message latest = receiveAgain(sqs, queue); // after the 1 s visibility timeout: a newer handle
                String stale = answer(() -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(third.receiptHandle())));
                Message back = receiveAgain(sqs, queue, Duration.ofSeconds(3));
                findings.add("DeleteMessage with the older receipt handle of a message received again: " + stale
                        + "; the message " + (back == null ? "was deleted" : "was not deleted"));
                String newest = (back == null ? latest : back).receiptHandle();
                answer(() -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(newest)));

                assertThat(receiveAgain(sqs, queue, Duration.ofSeconds(2))).as("deleted messages stay deleted").isNull();
            } finally {
                admin.deleteAll(prefix);
            }
        }
        findings.forEach(f -> System.out.println("[fault-suite] " + backend.name() + ": " + f));
        ReliabilityReport.note(backend.name(), findings);
    }

    private static Message sendAndReceive(SqsClient sqs, String queue, String body) {
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
        return receiveAgain(sqs, queue);
    }

    private static Message receiveAgain(SqsClient sqs, String queue) {
        Message m = receiveAgain(sqs, queue, Duration.ofSeconds(10));
        assertThat(m).as("a message in the probe queue").isNotNull();
        return m;
    }

    /** The next message to become visible, within the time; null if none. */
    private static Message receiveAgain(SqsClient sqs, String queue, Duration within) {
        AtomicReference<Message> got = new AtomicReference<>();
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages();
                if (!ms.isEmpty()) {
                    got.set(ms.get(0));
                }
                return !ms.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return null;
        }
        return got.get();
    }

    private static Object deleteBatch(SqsClient sqs, String queue, String receiptHandle) {
        DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(queue)
                .entries(DeleteMessageBatchRequestEntry.builder().id("0").receiptHandle(receiptHandle).build()));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException("entry failed: " + response.failed().get(0).code());
        }
        return response;
    }

    /** "ok", or the error code the backend answered. */
    private static String answer(Supplier<?> call) {
        try {
            call.get();
            return "ok";
        } catch (AwsServiceException e) {
            return "error " + e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ")";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private SqsClient client() {
        return SqsClient.builder().endpointOverride(backend.endpoint()).region(Region.of(backend.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(backend.accessKeyId(), backend.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
