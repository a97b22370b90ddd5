package dev.hake.embedded.internal;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS client through which SNS delivers to ElasticMQ. Building an SDK client costs most of a
 * second on a cold JVM, so it is built on a background thread while start-up finishes and the
 * caller builds its own clients; the first Publish waits for it if it is not ready yet.
 */
final class FanOutClient implements Supplier<SqsClient>, AutoCloseable {

    private final CompletableFuture<SqsClient> client;

    private FanOutClient(CompletableFuture<SqsClient> client) {
        this.client = client;
    }

    static FanOutClient buildInBackground(URI elasticMqEndpoint, String region) {
        CompletableFuture<SqsClient> future = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                future.complete(build(elasticMqEndpoint, region));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "hake-embedded-fan-out-client");
        builder.setDaemon(true);
        builder.start();
        return new FanOutClient(future);
    }

    /** The client, once built. */
    @Override
    public SqsClient get() {
        return client.join();
    }

    @Override
    public void close() {
        // If it is still being built, it is closed as soon as it is.
        client.thenAccept(SqsClient::close);
    }

    private static SqsClient build(URI elasticMqEndpoint, String region) {
        // ElasticMQ checks no signatures; the credentials only satisfy the SDK.
        return SqsClient.builder()
                .endpointOverride(elasticMqEndpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("embedded", "embedded")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }
}
