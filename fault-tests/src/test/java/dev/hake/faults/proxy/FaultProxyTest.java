package dev.hake.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.embedded.EmbeddedHake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The proxy against the real AWS SDK v2, with retries off, so each fault reaches the caller as
 * the SDK parses it: error code and status, throttling, an I/O failure for the resets, and a
 * request that was applied although its answer was lost.
 */
class FaultProxyTest {

    private static EmbeddedHake backend;
    private FaultProxy proxy;
    private SqsClient sqs;
    private SnsClient sns;
    private SqsClient direct;
    private final List<String> queues = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();

    @BeforeAll
    static void startBackend() {
        backend = EmbeddedHake.builder().build().start();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.start(backend.endpoint(), 42);
        sqs = sqsClient(proxy.endpoint());
        sns = SnsClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        direct = sqsClient(backend.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.stopInjecting();
        queues.forEach(url -> direct.deleteQueue(r -> r.queueUrl(url)));
        topics.forEach(arn -> sns.deleteTopic(r -> r.topicArn(arn)));
        sqs.close();
        sns.close();
        direct.close();
        proxy.close();
    }

    @Test
    void forwardsEverythingWhileFaultsAreOff() {
        String queue = queue();
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("hello"));
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages();

        assertThat(got).extracting(Message::body).containsExactly("hello");
        assertThat(proxy.counts().count("SendMessage", FaultCounts.FORWARDED)).isEqualTo(1);
        assertThat(proxy.counts().count("CreateQueue", FaultCounts.FORWARDED)).isEqualTo(1);
        assertThat(proxy.counts().faults()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "INTERNAL_ERROR, 500, InternalError,      false",
            "THROTTLING,     400, RequestThrottled,   true",
            "UNAVAILABLE,    503, ServiceUnavailable, false"})
    void sqsErrorsAreParsedAsAwsErrors(FaultKind kind, int status, String code, boolean throttling) {
        String queue = queue();
        proxy.inject(FaultPlan.onMessagePath(kind, 1.0));

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(queue).messageBody("refused")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.isThrottlingException()).isEqualTo(throttling);
                });
        assertThat(visibleMessages(queue)).as("not forwarded").isZero();
        assertThat(proxy.counts().count("SendMessage", kind.name())).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
            "INTERNAL_ERROR, 500, InternalError,      false",
            "THROTTLING,     400, Throttling,         true",
            "UNAVAILABLE,    503, ServiceUnavailable, false"})
    void snsErrorsAreParsedAsAwsErrors(FaultKind kind, int status, String code, boolean throttling) {
        String topic = topic();
        proxy.inject(FaultPlan.onMessagePath(kind, 1.0));

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topic).message("refused")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.isThrottlingException()).isEqualTo(throttling);
                });
        assertThat(proxy.counts().count("Publish", kind.name())).isEqualTo(1);
    }

    @Test
    void resetBeforeAnswerIsAnIoFailureAndNothingIsApplied() {
        String queue = queue();
        proxy.inject(FaultPlan.onMessagePath(FaultKind.RESET_BEFORE_ANSWER, 1.0));

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(queue).messageBody("never sent")))
                .isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class);
        proxy.stopInjecting();
        assertThat(visibleMessages(queue)).isZero();
    }

    @Test
    void answerLostAfterApplyIsAnIoFailureButTheMessageWasSent() {
        String queue = queue();
        proxy.inject(FaultPlan.onMessagePath(FaultKind.ANSWER_LOST_AFTER_APPLY, 1.0));

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(queue).messageBody("sent after all")))
                .isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class);
        List<Message> inQueue = direct.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages();
        assertThat(inQueue).extracting(Message::body).containsExactly("sent after all");
    }

    @Test
    void latencyDelaysTheAnswerByOneToThreeSeconds() {
        String queue = queue();
        proxy.inject(FaultPlan.onMessagePath(FaultKind.LATENCY, 1.0));

        long start = System.nanoTime();
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("late"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(1_000), Duration.ofMillis(3_900));
        assertThat(visibleMessages(queue)).isEqualTo(1);
    }

    @Test
    void mixedPicksEachKindAndSetUpIsNeverFaulted() {
        proxy.inject(FaultPlan.onMessagePath(FaultKind.MIXED, 1.0));
        String queue = queue(); // CreateQueue under faults: forwarded
        for (int i = 0; i < 40; i++) {
            proxy.decide(new AwsAction(AwsAction.Protocol.JSON, "DeleteMessage"));
        }
        proxy.inject(new FaultPlan(FaultKind.MIXED, 1.0, Set.of("GetQueueUrl")));
        String name = queue.substring(queue.lastIndexOf('/') + 1);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            try {
                sqs.getQueueUrl(r -> r.queueName(name));
                outcomes.add("answered");
            } catch (AwsServiceException e) {
                outcomes.add(e.awsErrorDetails().errorCode());
            } catch (SdkClientException e) {
                outcomes.add("io");
            }
        }

        assertThat(proxy.counts().count("CreateQueue", FaultCounts.FORWARDED)).isEqualTo(1);
        assertThat(proxy.counts().faultsByKind().keySet()).doesNotContain("MIXED").hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcomes).hasSize(12).containsAnyOf("InternalError", "RequestThrottled", "ServiceUnavailable");
    }

    @Test
    void theSameSeedFaultsTheSameRequests() {
        try (FaultProxy a = FaultProxy.start(backend.endpoint(), 7); FaultProxy b = FaultProxy.start(backend.endpoint(), 7)) {
            a.inject(FaultPlan.onMessagePath(FaultKind.MIXED, 0.3));
            b.inject(FaultPlan.onMessagePath(FaultKind.MIXED, 0.3));
            AwsAction send = new AwsAction(AwsAction.Protocol.JSON, "SendMessage");
            List<FaultKind> first = new ArrayList<>();
            List<FaultKind> second = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                first.add(a.decide(send));
                second.add(b.decide(send));
            }
            assertThat(first).isEqualTo(second).containsNull().hasSizeGreaterThan(0);
            assertThat(first.stream().filter(f -> f != null).count()).isBetween(30L, 90L);
        }
    }

    @Test
    void forwardsAChunkedRequestAndKeepsTheConnection() throws IOException {
        String json = "{\"QueueNamePrefix\":\"no-such-prefix-" + UUID.randomUUID() + "\"}";
        String chunked = Integer.toHexString(5) + "\r\n" + json.substring(0, 5) + "\r\n"
                + Integer.toHexString(json.length() - 5) + "\r\n" + json.substring(5) + "\r\n0\r\n\r\n";
        String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AmazonSQS.ListQueues\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked;
        URI endpoint = proxy.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 2; i++) {
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                HttpMessage response = HttpIo.readResponse(in, "POST");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(response.body().length));
            }
        }
        assertThat(proxy.counts().count("ListQueues", FaultCounts.FORWARDED)).isEqualTo(2);
    }

    private String queue() {
        String url = sqs.createQueue(r -> r.queueName("proxy-test-" + UUID.randomUUID())).queueUrl();
        queues.add(url);
        return url;
    }

    private String topic() {
        String arn = sns.createTopic(r -> r.name("proxy-test-" + UUID.randomUUID())).topicArn();
        topics.add(arn);
        return arn;
    }

    private int visibleMessages(String queue) {
        return Integer.parseInt(direct.getQueueAttributes(r -> r.queueUrl(queue)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static SqsClient sqsClient(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("proxytest", "proxytest"));
    }
}
