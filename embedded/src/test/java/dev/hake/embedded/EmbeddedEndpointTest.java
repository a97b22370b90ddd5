package dev.hake.embedded;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Base of the SDK-level tests of the embedded endpoint: one endpoint and SDK clients per test
 * class, and every queue, topic and subscription a test makes deleted after it.
 */
abstract class EmbeddedEndpointTest {

    protected static EmbeddedHake hake;
    protected static SqsClient sqs;
    protected static SnsClient sns;
    protected CreatedResources created;

    @BeforeAll
    static void startEndpoint() {
        hake = EmbeddedHake.builder().build().start();
        sqs = TestClients.sqs(hake);
        sns = TestClients.sns(hake);
    }

    @AfterAll
    static void stopEndpoint() {
        sqs.close();
        sns.close();
        hake.close();
    }

    @BeforeEach
    void track() {
        created = new CreatedResources(sqs, sns);
    }

    @AfterEach
    void cleanUp() {
        created.deleteAll();
    }
}
