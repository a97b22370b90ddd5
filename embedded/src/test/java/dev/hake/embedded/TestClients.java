package dev.hake.embedded;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients aimed at a test endpoint; retries off, so an error surfaces as the first answer. */
public final class TestClients {

    private TestClients() {
    }

    public static SqsClient sqs(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    public static SnsClient sns(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        return SnsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    public static SqsClient sqs(EmbeddedHake hake) {
        return sqs(hake.endpoint(), hake.region(), "test", "test");
    }

    public static SnsClient sns(EmbeddedHake hake) {
        return sns(hake.endpoint(), hake.region(), "test", "test");
    }
}
