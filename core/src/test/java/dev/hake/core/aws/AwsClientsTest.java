package dev.hake.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeSettings;
import dev.hake.testing.TemporarySystemProperties;
import java.net.URI;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Which region the clients get. The SDK's region chain reads the system property aws.region
 * first, so a marker region there shows whether the chain was asked.
 */
@SuppressWarnings("try") // system properties set for a block, not referenced in it
class AwsClientsTest {

    private static final String CHAIN_MARKER = "xx-chain-1";
    private static final URI EMULATOR = URI.create("http://127.0.0.1:4566");

    @Test
    void withAnEndpointAndNoRegionTheRegionIsUsEast1AndTheChainIsNotAsked() {
        try (TemporarySystemProperties chain = TemporarySystemProperties.set("aws.region", CHAIN_MARKER);
             AwsClients aws = create(HakeSettings.builder().endpoint(EMULATOR).build())) {
            assertThat(aws.region()).isEqualTo("us-east-1");
        }
    }

    @Test
    void aRegionThatIsSetWinsWithOrWithoutAnEndpoint() {
        try (TemporarySystemProperties chain = TemporarySystemProperties.set("aws.region", CHAIN_MARKER);
             AwsClients withEndpoint = create(HakeSettings.builder().endpoint(EMULATOR).region("eu-west-1").build());
             AwsClients onAws = create(HakeSettings.builder().region("eu-central-1").build())) {
            assertThat(withEndpoint.region()).isEqualTo("eu-west-1");
            assertThat(onAws.region()).isEqualTo("eu-central-1");
        }
    }

    @Test
    void onAwsWithNoRegionTheEnvironmentsRegionIsUsed() {
        try (TemporarySystemProperties chain = TemporarySystemProperties.set("aws.region", CHAIN_MARKER)) {
            assertThat(AwsClients.regionFromEnvironment()).isEqualTo(CHAIN_MARKER);
            try (AwsClients aws = create(HakeSettings.builder().accessKeyId("AKIAEXAMPLEKEY0001")
                    .secretAccessKey("secret").build())) {
                assertThat(aws.region()).isEqualTo(CHAIN_MARKER);
            }
        }
    }

    private static AwsClients create(HakeSettings settings) {
        return AwsClients.create(settings, null, null, ForkJoinPool.commonPool());
    }
}
