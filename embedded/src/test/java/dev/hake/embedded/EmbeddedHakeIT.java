package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmbeddedHakeIT {

    @Test
    void servesBothServicesOnOnePort() {
        long started = System.nanoTime();
        try (EmbeddedHake hake = EmbeddedHake.builder().build().start()) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("EmbeddedHake start-up in a warm JVM took " + startup.toMillis() + " ms");

            assertThat(hake.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(hake.endpoint().getPort()).isPositive();
            try (SqsClient sqs = TestClients.sqs(hake); SnsClient sns = TestClients.sns(hake)) {
                String queueUrl = sqs.createQueue(r -> r.queueName("startup-check")).queueUrl();
                assertThat(queueUrl).isEqualTo(hake.endpoint() + "/000000000000/startup-check");
                assertThat(sns.createTopic(r -> r.name("startup-check")).topicArn())
                        .isEqualTo("arn:aws:sns:us-east-1:000000000000:startup-check");
            }
        }
    }

    @Test
    void usesTheConfiguredRegionAccountAndPort() throws IOException {
        int port = freePort();
        try (EmbeddedHake hake = EmbeddedHake.builder().port(port).region("eu-west-1").accountId("123456789012")
                .build().start();
             SqsClient sqs = TestClients.sqs(hake); SnsClient sns = TestClients.sns(hake)) {
            assertThat(hake.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            assertThat(hake.region()).isEqualTo("eu-west-1");
            assertThat(sqs.createQueue(r -> r.queueName("q")).queueUrl())
                    .isEqualTo("http://127.0.0.1:" + port + "/123456789012/q");
            assertThat(sns.createTopic(r -> r.name("t")).topicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:t");
        }
    }

    @Test
    void closeFreesThePort() throws IOException {
        EmbeddedHake hake = EmbeddedHake.builder().build().start();
        int port = hake.endpoint().getPort();
        hake.close();
        hake.close();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void refusesToStartTwiceOrOnABusyPort() throws IOException {
        try (EmbeddedHake hake = EmbeddedHake.builder().build().start()) {
            assertThatThrownBy(hake::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
            EmbeddedHake second = EmbeddedHake.builder().port(hake.endpoint().getPort()).build();
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot start the embedded SNS+SQS endpoint");
        }
    }

    @Test
    void aClosedInstanceCannotBeRestarted() {
        EmbeddedHake hake = EmbeddedHake.builder().build().start();
        hake.close();
        assertThatThrownBy(hake::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(hake::endpoint).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> EmbeddedHake.builder().port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmbeddedHake.builder().accountId("42")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 digits");
    }

    @Test
    void endpointBeforeStartIsAClearError() {
        assertThatThrownBy(() -> EmbeddedHake.builder().build().endpoint())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
    }

    @Test
    void sharedEndpointIsStartedOnceAndAnswers() {
        URI first = EmbeddedHake.sharedEndpoint();
        assertThat(EmbeddedHake.sharedEndpoint()).isEqualTo(first);
        try (SqsClient sqs = TestClients.sqs(first, "us-east-1", "test", "test")) {
            assertThat(sqs.listQueues().sdkHttpResponse().isSuccessful()).isTrue();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
