package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.testing.TestBucket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A route's large bodies travel through S3 as a JMS client's do, and arrive whole, with their headers. */
class LargeMessageRoutesIT extends HakeRouteTestSupport {

    private TestBucket bucket;

    @BeforeEach
    void createBucket() {
        bucket = new TestBucket(backend.endpoint(), backend.region(), backend.accessKeyId(), backend.secretAccessKey(),
                prefix + "bodies");
    }

    @AfterEach
    void deleteBucket() {
        bucket.close();
    }

    @Test
    void aTenMebibyteBodyTravelsThroughAQueueAndATopic() throws Exception {
        String options = "?largeMessageBucket=" + bucket.name();
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:queue").to("hake:queue:scans" + options);
                from("hake:queue:scans" + options).to("mock:queue");
                from("direct:topic").to("hake:topic:scans" + options);
                from("hake:topic:scans?subscriptionName=archive&largeMessageBucket="
                        + bucket.name()).to("mock:archive");
            }
        });
        byte[] scan = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(scan);
        MockEndpoint queue = getMockEndpoint("mock:queue");
        MockEndpoint archive = getMockEndpoint("mock:archive");
        queue.expectedMessageCount(1);
        archive.expectedMessageCount(1);

        template.sendBodyAndHeader("direct:queue", scan, "pages", 120);
        template.sendBodyAndHeader("direct:topic", scan, "pages", 121);

        queue.assertIsSatisfied(30_000);
        archive.assertIsSatisfied(30_000);
        Message fromQueue = queue.getExchanges().get(0).getMessage();
        Message fromTopic = archive.getExchanges().get(0).getMessage();
        assertThat(Arrays.equals(fromQueue.getBody(byte[].class), scan)).isTrue();
        assertThat(Arrays.equals(fromTopic.getBody(byte[].class), scan)).isTrue();
        assertThat(fromQueue.getHeader("pages")).isEqualTo(120);
        assertThat(fromTopic.getHeader("pages")).isEqualTo(121);
        // The queue's body goes once the route has it; the topic's stays for its other subscriptions.
        await().atMost(Duration.ofSeconds(30)).until(() -> bucket.keys().size() == 1);
    }
}
