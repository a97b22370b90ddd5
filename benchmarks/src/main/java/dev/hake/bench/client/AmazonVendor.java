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
 * Amazon's SQS JMS library (com.amazonaws:amazon-sqs-java-messaging-lib) with its defaults.
 * It serves queues only, and only queues that exist.
 */
final class AmazonVendor implements JmsVendor {

    @Override
    public ConnectionFactory factory(TrialSetup setup) {
        // A builder, not a client: each connection builds and closes its own client.
        var client = SqsClient.builder()
                .endpointOverride(setup.endpoint())
                .region(Region.of(setup.backend().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        setup.backend().accessKeyId(), setup.backend().secretAccessKey())))
                .httpClientBuilder(Apache5HttpClient.builder());
        return new SQSConnectionFactory(new ProviderConfiguration(), client);
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
