package dev.hake.ee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.ee.app.Delivery;
import dev.hake.ee.app.OrderBean;
import dev.hake.ee.app.PaymentBean;
import dev.hake.ee.app.PriceAuditBean;
import dev.hake.ee.app.PriceHistoryBean;
import dev.hake.ee.app.RefundBean;
import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message-driven beans in a real application server: the test application's beans on Payara Micro,
 * bound to hake's adapter, consume what a plain hake client sends from this JVM, and the
 * application reports over HTTP what each bean received. One server for the class; each test uses
 * its own beans and destinations.
 */
@ExtendWith(HakeBackendExtension.class)
class MessageDrivenBeansIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * Longer than any wait here: a rolled-back delivery must come back at once, and would not come
     * back within a test if the adapter left it hidden for a visibility timeout instead.
     */
    private static final int VISIBILITY_TIMEOUT_SECONDS = 120;

    private static PayaraDeployment deployment;

    @BeforeAll
    static void deploy(HakeTestBackend backend) throws Exception {
        deployment = PayaraDeployment.start(backend, MessageDrivenBeansIT.class.getSimpleName(),
                VISIBILITY_TIMEOUT_SECONDS);
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void aQueueBeanGetsEveryMessageOnceWithItsBodyAndPropertiesAndAtMostMaxSessionsAtOnce() throws Exception {
        deployment.send(deployment.session().createQueue(OrderBean.QUEUE), 30, "order");

        List<Delivery> deliveries = deployment.awaitProcessed(OrderBean.NAME, 30, WAIT);
        assertThat(deliveries).extracting(Delivery::n).containsExactlyInAnyOrderElementsOf(range(30));
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.body()).isEqualTo("order " + d.n());
            assertThat(d.redelivered()).isFalse();
            assertThat(d.deliveryCount()).isEqualTo(1);
        });
        assertThat(deployment.mostAtOnce(OrderBean.NAME)).as("deliveries running at once")
                .isBetween(2, OrderBean.MAX_SESSIONS);
        deployment.awaitEmpty(OrderBean.QUEUE, WAIT);
    }

    @Test
    void aDurableAndASharedDurableSubscriptionEachGetEveryPublishedMessageOnce() throws Exception {
        deployment.send(deployment.session().createTopic(PriceHistoryBean.TOPIC), 20, "price");

        for (String bean : List.of(PriceHistoryBean.NAME, PriceAuditBean.NAME)) {
            List<Delivery> deliveries = deployment.awaitProcessed(bean, 20, WAIT);
            assertThat(deliveries).as(bean).extracting(Delivery::n).containsExactlyInAnyOrderElementsOf(range(20));
            assertThat(deliveries).as(bean).allSatisfy(d -> {
                assertThat(d.body()).isEqualTo("price " + d.n());
                assertThat(d.redelivered()).isFalse();
            });
            deployment.awaitEmpty(bean, WAIT);
        }
        assertThat(deployment.mostAtOnce(PriceAuditBean.NAME)).as("shared subscription's deliveries at once")
                .isBetween(1, 4);
    }

    @Test
    void aMessageTheBeanThrowsForComesBackMarkedRedeliveredUntilItIsProcessed() throws Exception {
        // Even-numbered payments fail twice, odd ones never.
        deployment.send(deployment.session().createQueue(PaymentBean.QUEUE), 10, "payment",
                n -> Map.of(PaymentBean.FAILURES, n % 2 == 0 ? 2 : 0));

        List<Delivery> deliveries = deployment.awaitProcessed(PaymentBean.NAME, 10, WAIT);
        List<Delivery> processed = deliveries.stream().filter(d -> d.outcome().equals(Delivery.PROCESSED)).toList();
        assertThat(processed).extracting(Delivery::n).containsExactlyInAnyOrderElementsOf(range(10));
        for (Delivery d : processed) {
            boolean failing = d.n() % 2 == 0;
            assertThat(d.deliveryCount()).as("payment %d processed at delivery", d.n()).isEqualTo(failing ? 3 : 1);
            assertThat(d.redelivered()).as("payment %d redelivered", d.n()).isEqualTo(failing);
        }
        assertThat(deliveries.stream().filter(d -> d.outcome().equals(Delivery.THREW)))
                .extracting(Delivery::n, Delivery::deliveryCount, Delivery::redelivered)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).filter(n -> n % 2 == 0).boxed()
                        .flatMap(n -> Stream.of(Tuple.tuple(n, 1, false), Tuple.tuple(n, 2, true)))
                        .toList());
        deployment.awaitEmpty(PaymentBean.QUEUE, WAIT);
    }

    @Test
    void aMessageTheBeanAlwaysThrowsForGoesToTheDeadLetterQueueAfterMaxDeliveries() throws Exception {
        deployment.send(deployment.session().createQueue(RefundBean.QUEUE), 3, "refund");

        List<Integer> deadLetters = deployment.drain(deployment.session().createQueue(RefundBean.DEAD_LETTER_QUEUE),
                received -> received.size() >= 3, WAIT);
        assertThat(deadLetters).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(deployment.deliveries(RefundBean.NAME))
                .extracting(Delivery::n, Delivery::deliveryCount, Delivery::outcome)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 3).boxed()
                        .flatMap(n -> IntStream.rangeClosed(1, RefundBean.MAX_DELIVERIES)
                                .mapToObj(count -> Tuple.tuple(n, count, Delivery.THREW)))
                        .toList());
        deployment.awaitEmpty(RefundBean.QUEUE, WAIT);
    }

    @Test
    void aStatelessBeansSendsGoOutWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
        assertThat(deployment.sendFromTheOrderDesk("desk-returns", "invoice", 3, "returns")).isEqualTo("returned");
        assertThat(deployment.sendFromTheOrderDesk("desk-rolls-back", "invoice", 3, "rolls_back")).isEqualTo("returned");
        assertThat(deployment.sendFromTheOrderDesk("desk-throws", "invoice", 3, "throws")).startsWith("threw");

        assertThat(deployment.drain(deployment.session().createQueue("desk-returns"), got -> got.size() == 3, WAIT))
                .as("sent when the bean's transaction committed").containsExactlyInAnyOrder(0, 1, 2);
        for (String queue : List.of("desk-rolls-back", "desk-throws")) {
            assertThat(deployment.drain(deployment.session().createQueue(queue), got -> !got.isEmpty(),
                    Duration.ofSeconds(5))).as(queue + ": never sent").isEmpty();
        }
    }

    private static List<Integer> range(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
