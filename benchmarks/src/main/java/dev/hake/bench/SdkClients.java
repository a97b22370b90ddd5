package dev.hake.bench;

import dev.hake.bench.backend.Backend;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Async SNS and SQS clients on one Netty HTTP client, for one endpoint. They get an event loop of
 * their own, with threads named {@code bench-netty-*}: by default every SDK client in the JVM shares
 * one, and hake's threads could then not be told apart from the harness's.
 */
public final class SdkClients implements AutoCloseable {

    private final SdkEventLoopGroup eventLoop;
    private final SdkAsyncHttpClient http;
    private final SqsAsyncClient sqs;
    private final SnsAsyncClient sns;

    public SdkClients(URI endpoint, Backend backend, int maxConcurrency) {
        AtomicInteger threads = new AtomicInteger();
        this.eventLoop = SdkEventLoopGroup.builder().numberOfThreads(2).threadFactory(r -> {
            Thread t = new Thread(r, "bench-netty-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }).build();
        this.http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(eventLoop)
                .maxConcurrency(maxConcurrency)
                .maxPendingConnectionAcquires(100_000)
                .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                .build();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(backend.accessKeyId(), backend.secretAccessKey()));
        this.sqs = SqsAsyncClient.builder().httpClient(http).endpointOverride(endpoint)
                .region(Region.of(backend.region())).credentialsProvider(credentials).build();
        this.sns = SnsAsyncClient.builder().httpClient(http).endpointOverride(endpoint)
                .region(Region.of(backend.region())).credentialsProvider(credentials).build();
    }

    public SqsAsyncClient sqs() {
        return sqs;
    }

    public SnsAsyncClient sns() {
        return sns;
    }

    /** Aborts requests in flight (a parked long poll among them). */
    @Override
    public void close() {
        sqs.close();
        sns.close();
        http.close();
        eventLoop.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
