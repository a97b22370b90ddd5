package dev.hake.ee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.ee.app.Delivery;
import dev.hake.ee.app.PriceAuditBean;
import dev.hake.ee.app.PriceHistoryBean;
import dev.hake.ee.app.ShipmentBean;
import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What stopping the application server does to messages. The server is stopped as a service
 * manager stops it (SIGTERM): Payara undeploys the application and stops the adapter, rolling
 * back the deliveries in progress, before its JVM exits. Each test works whether the server runs
 * or not when it begins; the order only saves a server start.
 */
@ExtendWith(HakeBackendExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerStopIT {

    /** Longer than every wait below: a message the stop left hidden would not be back within them. */
    private static final int VISIBILITY_TIMEOUT_SECONDS = 120;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PayaraDeployment deployment;

    @BeforeAll
    static void deploy(HakeTestBackend backend) throws Exception {
        deployment = PayaraDeployment.start(backend, ServerStopIT.class.getSimpleName(), VISIBILITY_TIMEOUT_SECONDS);
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void stoppingTheServerWhileMessagesFlowLosesNoneAndLeavesNoneHidden() throws Exception {
        if (!deployment.serverIsRunning()) {
            deployment.startServer();
        }
        Queue shipments = deployment.session().createQueue(ShipmentBean.QUEUE);
        deployment.send(shipments, 60, "shipment");
        deployment.awaitProcessed(ShipmentBean.NAME, 10, WAIT);

        assertThat(deployment.stopServer()).as("the server stopped by itself on SIGTERM").isTrue();

        // Processed means committed: the journal records a delivery when its transaction ends.
        List<Integer> processed = deployment.journal(ShipmentBean.NAME).stream()
                .filter(d -> d.outcome().equals(Delivery.PROCESSED)).map(Delivery::n).toList();
        List<Integer> left = deployment.drain(shipments, received -> covered(processed, received) == 60, DRAIN_LIMIT);

        List<Integer> all = new ArrayList<>(processed);
        all.addAll(left);
        assertThat(processed).as("processed before the stop").hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();
        assertThat(all).as("processed %s, then left in the queue %s", processed, left)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 60).boxed().toList());
    }

    /**
     * The messages published while no server runs wait in the subscriptions' queues, and come as
     * soon as the server is back. At SIGTERM the beans' idle subscriptions each have a long poll
     * waiting at SQS, which SQS cannot cancel: the adapter's stop waits for those polls to land and
     * gives back what they bring, so that the first message published after the stop is not left
     * hidden for a visibility timeout by a poll nobody is left to answer.
     */
    @Test
    @Order(2)
    void durableSubscriptionsKeepWhatIsPublishedWhileTheServerIsDown() throws Exception {
        if (deployment.serverIsRunning()) {
            assertThat(deployment.stopServer()).isTrue();
        }
        deployment.send(deployment.session().createTopic(PriceHistoryBean.TOPIC), 5, "while down");

        deployment.startServer();
        long restarted = System.nanoTime();
        for (String bean : List.of(PriceHistoryBean.NAME, PriceAuditBean.NAME)) {
            List<Delivery> deliveries = deployment.awaitProcessed(bean, 5, WAIT);
            assertThat(deliveries).as(bean).extracting(Delivery::n).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            assertThat(deliveries).as(bean).extracting(Delivery::body).allMatch(body -> body.startsWith("while down "));
        }
        System.out.printf("Messages published while the server was down: all consumed %d ms after it was back%n",
                Duration.ofNanos(System.nanoTime() - restarted).toMillis());
    }

    /** How many of the 60 messages are accounted for. */
    private static int covered(List<Integer> processed, List<Integer> left) {
        Set<Integer> seen = new HashSet<>(processed);
        seen.addAll(left);
        return seen.size();
    }
}
