package dev.hake.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.TestClients;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * A long poll that waits on a queue when the queue is deleted: SQS ends it, and so must the
 * embedded endpoint, without the ERROR that ElasticMQ logs when such a poll is left to time out.
 */
class LongPollOnDeletedQueueIT {

    private static ElasticMqServer elasticMq;
    private static SqsClient sqs;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream standardError;

    @BeforeAll
    static void start() {
        // The advertised address only goes into queue URLs, which the SDK does not dial.
        elasticMq = ElasticMqServer.start("127.0.0.1", 9, "us-east-1", "000000000000");
        // Retries off: a 500 from ElasticMQ must show as a failure, not be retried into another answer.
        sqs = TestClients.sqs(elasticMq.endpoint(), "us-east-1", "test", "test");
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.close();
    }

    /** slf4j-simple writes to whatever System.err is when it logs. */
    @BeforeEach
    void captureTheLog() {
        standardError = System.err;
        System.setErr(new PrintStream(new TeeStream(standardError, log), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTheLog() {
        System.setErr(standardError);
    }

    @Test
    void aLongPollOnAQueueThatIsDeletedEndsAtOnceWithNoMessagesAndNoErrorLogged() throws Exception {
        String name = "deleted-while-polled-" + UUID.randomUUID();
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        CompletableFuture<ReceiveMessageResponse> poll = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)));
        await().atMost(Duration.ofSeconds(10)).until(() -> elasticMq.waitingReceives(name) == 1);

        sqs.deleteQueue(r -> r.queueUrl(url));

        ReceiveMessageResponse answer = poll.get(5, TimeUnit.SECONDS);
        assertThat(answer.messages()).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR");
        assertThatThrownBy(() -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void aQueueCreatedAgainUnderTheNameOfADeletedOneServesLongPolls() throws Exception {
        String name = "created-again-" + UUID.randomUUID();
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        CompletableFuture<ReceiveMessageResponse> stale = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)));
        await().atMost(Duration.ofSeconds(10)).until(() -> elasticMq.waitingReceives(name) == 1);
        sqs.deleteQueue(r -> r.queueUrl(url));
        assertThat(stale.get(5, TimeUnit.SECONDS).messages()).isEmpty();

        String again = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        try {
            CompletableFuture<ReceiveMessageResponse> poll = CompletableFuture.supplyAsync(
                    () -> sqs.receiveMessage(r -> r.queueUrl(again).waitTimeSeconds(20)));
            await().atMost(Duration.ofSeconds(10)).until(() -> elasticMq.waitingReceives(name) == 1);
            sqs.sendMessage(r -> r.queueUrl(again).messageBody("fresh"));

            assertThat(poll.get(5, TimeUnit.SECONDS).messages()).extracting(Message::body).containsExactly("fresh");
        } finally {
            sqs.deleteQueue(r -> r.queueUrl(again));
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR");
    }

    /** Writes to two streams: the log still shows in the build output while the test reads it. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
