package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

class RedeliveryIT extends HakeRouteTestSupport {

    /** Routes without an error handler: a failure fails the exchange, and the queue does the retrying. */
    private abstract static class QuietRoutes extends RouteBuilder {
        @Override
        public void configure() {
            errorHandler(noErrorHandler());
            routes();
        }

        abstract void routes();
    }

    @Test
    void failedExchangeIsDeliveredAgainWithItsDeliveryCount() throws Exception {
        routes(new QuietRoutes() {
            @Override
            void routes() {
                from("hake:queue:flaky").process(e -> {
                    if (e.getMessage().getHeader(HakeConstants.DELIVERY_COUNT, Integer.class) < 3) {
                        throw new IllegalStateException("not yet");
                    }
                }).to("mock:done");
            }
        });
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedBodiesReceived("retry me");
        done.expectedHeaderReceived(HakeConstants.DELIVERY_COUNT, 3);
        done.expectedHeaderReceived(HakeConstants.REDELIVERED, true);
        done.expectedHeaderReceived("attempt", "kept");

        template.sendBodyAndHeader("hake:queue:flaky", "retry me", "attempt", "kept");

        done.assertIsSatisfied();
    }

    @Test
    void redeliveryDelayKeepsAFailedMessageHidden() throws Exception {
        List<Long> deliveredAt = new CopyOnWriteArrayList<>();
        routes(new QuietRoutes() {
            @Override
            void routes() {
                from("hake:queue:slow-retry?redeliveryDelay=2s").process(e -> {
                    deliveredAt.add(System.nanoTime());
                    if (deliveredAt.size() == 1) {
                        throw new IllegalStateException("fail once");
                    }
                }).to("mock:done");
            }
        });
        getMockEndpoint("mock:done").expectedMessageCount(1);

        template.sendBody("hake:queue:slow-retry", "later");

        getMockEndpoint("mock:done").assertIsSatisfied();
        long betweenMillis = TimeUnit.NANOSECONDS.toMillis(deliveredAt.get(1) - deliveredAt.get(0));
        assertThat(betweenMillis).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void messageMovesToTheDeadLetterQueueAfterMaxDeliveries() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        try {
            movesToTheDeadLetterQueueAndIsCounted(registry);
        } finally {
            Metrics.globalRegistry.remove(registry);
        }
    }

    private void movesToTheDeadLetterQueueAndIsCounted(SimpleMeterRegistry registry) throws Exception {
        AtomicInteger deliveries = new AtomicInteger();
        routes(new QuietRoutes() {
            @Override
            void routes() {
                from("hake:queue:poison?deadLetterQueue=poison-dlq&maxDeliveries=2").process(e -> {
                    deliveries.incrementAndGet();
                    throw new IllegalStateException("always fails");
                });
                // A short poll: the embedded backend's long poll does not wake for a message moved in by redrive.
                from("hake:queue:poison-dlq?receiveWaitSeconds=1").to("mock:dlq");
            }
        });
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedBodiesReceived("poison");
        dlq.expectedHeaderReceived("kind", "bad");
        dlq.expectedHeaderReceived(HakeConstants.DESTINATION, "queue:poison");

        template.sendBodyAndHeader("hake:queue:poison", "poison", "kind", "bad");

        dlq.assertIsSatisfied();
        assertThat(deliveries).hasValue(2);
        String policy = aws.queueAttributes(aws.queueUrl(prefix + "poison")).get("RedrivePolicy");
        assertThat(policy).contains(prefix + "poison-dlq").contains("\"maxReceiveCount\"");
        // Counted against the endpoint's maxDeliveries, which the component's settings do not have.
        assertThat(registry.find("hake.messages.dead.lettered").tag("destination", "poison").counters())
                .extracting(Counter::count).containsExactly(1.0);
    }

    @Test
    void longRunningExchangeKeepsItsMessageHidden() throws Exception {
        AtomicInteger deliveries = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        routes(new QuietRoutes() {
            @Override
            void routes() {
                // Hidden for 4 s at a time, while the exchange takes as long as the test says.
                from("hake:queue:long?visibilityTimeoutSeconds=4&receiveWaitSeconds=1&concurrentConsumers=2")
                        .process(e -> {
                            deliveries.incrementAndGet();
                            finish.await(60, TimeUnit.SECONDS);
                        }).to("mock:done");
            }
        });
        getMockEndpoint("mock:done").expectedMessageCount(1);

        template.sendBody("hake:queue:long", "takes a while");

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.get() == 1);
        // Well past the visibility timeout: a second poll loop is idle, yet nobody gets the message again.
        await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(12)).until(() -> deliveries.get() == 1);
        finish.countDown();
        getMockEndpoint("mock:done").assertIsSatisfied();
        assertThat(deliveries).hasValue(1);
    }
}
