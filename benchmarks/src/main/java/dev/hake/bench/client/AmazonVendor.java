package dev.hake.bench.client;

import com.amazon.sqs.javamessaging.ProviderConfiguration;
import com.amazon.sqs.javamessaging.SQSConnectionFactory;
import jakarta.jms.ConnectionFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Amazon's SQS JMS library (com.amazonaws:amazon-sqs-java-messaging-lib): with its defaults, or
 * with a prefetch of ten, the most one ReceiveMessage returns. It serves queues only, and only
 * queues that exist.
 */
final class AmazonVendor implements JmsVendor {

    /** What one ReceiveMessage returns at most, and so the prefetch that fills each receive. */
    static final int BEST_PREFETCH = 10;

    /** Messages to prefetch per consumer, or 0 for the library's default. */
    private final int prefetch;

    private AmazonVendor(int prefetch) {
        this.prefetch = prefetch;
    }

    static AmazonVendor defaults() {
        return new AmazonVendor(0);
    }

    static AmazonVendor prefetchingTen() {
        return new AmazonVendor(BEST_PREFETCH);
    }

    @Override
    public String description() {
        return "Amazon SQS Java Messaging Library 2.1.4, " + (prefetch == 0 ? "default settings"
                : "ProviderConfiguration.withNumberOfMessagesToPrefetch(" + prefetch + ")");
    }

    @Override
    public ConnectionFactory factory(TrialSetup setup) {
        // A builder, not a client: each connection builds and closes its own client.
        var client = SqsClient.builder()
                .endpointOverride(setup.endpoint())
                .region(Region.of(setup.backend().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        setup.backend().accessKeyId(), setup.backend().secretAccessKey())))
                .httpClientBuilder(Apache5HttpClient.builder());
        ProviderConfiguration configuration = new ProviderConfiguration();
        if (prefetch > 0) {
            configuration = configuration.withNumberOfMessagesToPrefetch(prefetch);
        }
        return new SQSConnectionFactory(configuration, client);
    }

    @Override
    public String destinationName(TrialSetup setup, String name) {
        return setup.prefix() + name;
    }

    @Override
    public void prepareQueue(TrialSetup setup, String name) {
        setup.admin().createQueue(setup.prefix() + name);
    }
}
