package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.testing.TemporarySystemProperties;
import org.junit.jupiter.api.Test;

/**
 * On AWS with no region set, connections get the environment's region. The SDK's chain that finds
 * it ends, off EC2, in a probe of the instance-metadata address, so a factory asks once.
 * (The chain reads the system property aws.region first; the tests set it to tell the answers apart.)
 */
@SuppressWarnings("try") // system properties set for a block, not referenced in it
class HakeConnectionFactoryRegionTest {

    @Test
    void theEnvironmentsRegionIsAskedForOncePerFactory() throws Exception {
        HakeConnectionFactory factory = new HakeConnectionFactory("hake:?prefix=region-");
        try (TemporarySystemProperties first = TemporarySystemProperties.set("aws.region", "xx-first-1")) {
            assertThat(factory.connectionSettings().region()).contains("xx-first-1");
        }
        try (TemporarySystemProperties second = TemporarySystemProperties.set("aws.region", "xx-second-1")) {
            assertThat(factory.connectionSettings().region()).contains("xx-first-1");
            assertThat(new HakeConnectionFactory("hake:?prefix=region-").connectionSettings().region())
                    .contains("xx-second-1");
        }
    }

    @Test
    void aRegionThatIsSetIsKept() throws Exception {
        try (TemporarySystemProperties chain = TemporarySystemProperties.set("aws.region", "xx-chain-1")) {
            assertThat(new HakeConnectionFactory("hake:?region=eu-west-1").connectionSettings().region())
                    .contains("eu-west-1");
        }
    }
}
