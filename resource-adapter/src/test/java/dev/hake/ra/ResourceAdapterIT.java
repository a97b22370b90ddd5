package dev.hake.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.jms.HakeConnectionFactory;
import dev.hake.testing.BackendResources;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.InvalidPropertyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter as an application server drives it (activation, deliveries on its WorkManager, the
 * container's transaction around each delivery, deactivation), on a real backend: messages in,
 * messages out, each consumed once, none lost.
 */
@ExtendWith(HakeBackendExtension.class)
class ResourceAdapterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private HakeTestBackend backend;
    private String prefix;
    private TestServer server;
    private HakeResourceAdapter adapter;
    private Connection client;
    private Session session;
    private final List<Runnable> cleanUps = new ArrayList<>();

    @BeforeEach
    void start(HakeTestBackend backend) throws Exception {
        this.backend = backend;
        this.prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        server = new TestServer();
        adapter = new HakeResourceAdapter();
        adapter.setUri(backend.hakeUri("prefix=" + prefix));
        adapter.start(server);
        client = new HakeConnectionFactory(backend.hakeUri("prefix=" + prefix)).createConnection();
        session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void stop() throws Exception {
        cleanUps.forEach(Runnable::run);
        adapter.stop();
        client.close();
        server.close();
        try (BackendResources aws = new BackendResources(backend.endpoint(), backend.region(), backend.accessKeyId(),
                backend.secretAccessKey())) {
            aws.deleteAll(prefix);
        }
    }

    private HakeActivationSpec queueSpec(String queue, int maxSessions) throws Exception {
        HakeActivationSpec spec = new HakeActivationSpec();
        spec.setResourceAdapter(adapter);
        spec.setDestination(queue);
        spec.setDestinationType("jakarta.jms.Queue");
        spec.setMaxSessions(maxSessions);
        return spec;
    }

    private void activate(TestBean bean, HakeActivationSpec spec) throws Exception {
        adapter.endpointActivation(bean, spec);
        cleanUps.add(() -> adapter.endpointDeactivation(bean, spec));
    }

    private void send(Destination to, int count) throws JMSException {
        MessageProducer producer = session.createProducer(to);
        for (int i = 0; i < count; i++) {
            TextMessage m = session.createTextMessage("order " + i);
            m.setIntProperty("n", i);
            producer.send(m);
        }
    }

    private List<Integer> drain(Destination from) throws JMSException {
        client.start();
        MessageConsumer consumer = session.createConsumer(from);
        List<Integer> left = new ArrayList<>();
        for (Message m; (m = consumer.receive(2_000)) != null; ) {
            left.add(m.getIntProperty("n"));
        }
        consumer.close();
        return left;
    }

    private static List<Integer> numbers(List<TestBean.Delivery> deliveries) {
        return deliveries.stream().map(TestBean.Delivery::number).toList();
    }

    @Test
    void aBeanOnAQueueGetsEveryMessageOnceWithItsBodyAndProperties() throws Exception {
        TestBean bean = new TestBean(false);
        activate(bean, queueSpec("orders", 3));
        send(session.createQueue("orders"), 30);

        await().atMost(WAIT).until(() -> bean.deliveries.size() >= 30);
        assertThat(numbers(bean.deliveries)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
        assertThat(bean.deliveries).allMatch(d -> d.text().equals("order " + d.number()) && !d.redelivered());
        assertThat(bean.endpointsMade()).as("one endpoint per session, at most maxSessions").isBetween(1, 3);
        assertThat(drain(session.createQueue("orders"))).as("each acknowledged when the bean returned").isEmpty();
    }

    @Test
    void aCommittedDeliveryIsDeletedAndARolledBackOneComesAgainAtOnce() throws Exception {
        TestBean bean = new TestBean(true).rollingBackFor(d -> d.number() % 2 == 1 && !d.redelivered());
        activate(bean, queueSpec("payments", 2));
        send(session.createQueue("payments"), 6);

        // Six first deliveries, and three second ones for the odd messages the first time rolled back.
        await().atMost(WAIT).until(() -> bean.deliveries.size() >= 9);
        assertThat(bean.deliveries.stream().filter(d -> !d.redelivered()).map(TestBean.Delivery::number))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(bean.deliveries.stream().filter(TestBean.Delivery::redelivered))
                .extracting(TestBean.Delivery::number, TestBean.Delivery::deliveryCount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, 2),
                        org.assertj.core.groups.Tuple.tuple(3, 2), org.assertj.core.groups.Tuple.tuple(5, 2));
        assertThat(drain(session.createQueue("payments"))).isEmpty();
    }

    @Test
    void aBeanThatThrowsGetsTheMessageAgainInOrOutOfATransaction() throws Exception {
        for (boolean transacted : new boolean[] {true, false}) {
            String queue = "flaky-" + transacted;
            TestBean bean = new TestBean(transacted).throwingFor(d -> d.number() == 0 && d.deliveryCount() < 3);
            activate(bean, queueSpec(queue, 1));
            send(session.createQueue(queue), 1);

            await().atMost(WAIT).until(() -> bean.deliveries.size() >= 3);
            assertThat(bean.deliveries).extracting(TestBean.Delivery::deliveryCount).as("transacted=" + transacted)
                    .containsExactly(1, 2, 3);
            assertThat(drain(session.createQueue(queue))).as("processed the third time").isEmpty();
        }
    }

    @Test
    void aMessageTheBeanKeepsRejectingGoesToTheDeadLetterQueueAfterMaxDeliveries() throws Exception {
        for (boolean transacted : new boolean[] {true, false}) {
            String queue = "poison-" + transacted;
            TestBean bean = new TestBean(transacted).throwingFor(d -> d.number() == 0);
            HakeActivationSpec spec = queueSpec(queue, 1);
            spec.setMaxDeliveries(2);
            activate(bean, spec);
            send(session.createQueue(queue), 1);

            client.start();
            try (MessageConsumer deadLetters = session.createConsumer(session.createQueue(queue + "-dlq"))) {
                Message[] dead = new Message[1];
                await().atMost(WAIT).until(() -> (dead[0] = deadLetters.receive(1_000)) != null);
                assertThat(((TextMessage) dead[0]).getText()).isEqualTo("order 0");
                assertThat(dead[0].getStringProperty("JMS_HakeDeadLetterSource")).isEqualTo("queue://" + queue);
            } finally {
                client.stop();
            }
            assertThat(bean.deliveries).extracting(TestBean.Delivery::deliveryCount).as("transacted=" + transacted)
                    .containsExactly(1, 2);
        }
    }

    @Test
    void aDurableSubscriptionKeepsWhatIsPublishedWhileTheBeanIsUndeployed() throws Exception {
        HakeActivationSpec spec = new HakeActivationSpec();
        spec.setResourceAdapter(adapter);
        spec.setDestination("prices");
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("ticker");
        spec.setClientId("pricing-app");
        TestBean first = new TestBean(true);
        adapter.endpointActivation(first, spec);
        send(session.createTopic("prices"), 2);
        await().atMost(WAIT).until(() -> first.deliveries.size() >= 2);
        adapter.endpointDeactivation(first, spec);
        assertThat(first.endpointsReleased.get()).isEqualTo(first.endpointsMade());

        send(session.createTopic("prices"), 3); // numbers 0, 1, 2 again, while no bean is deployed
        TestBean second = new TestBean(true);
        activate(second, spec);
        await().atMost(WAIT).until(() -> second.deliveries.size() >= 3);
        assertThat(numbers(second.deliveries)).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void twoServersOnASharedSubscriptionSplitItsMessages() throws Exception {
        TestBean a = new TestBean(false);
        TestBean b = new TestBean(false);
        for (TestBean bean : List.of(a, b)) {
            HakeActivationSpec spec = new HakeActivationSpec();
            spec.setResourceAdapter(adapter);
            spec.setDestination("events");
            spec.setDestinationType("jakarta.jms.Topic");
            spec.setSubscriptionDurability("Durable");
            spec.setShareSubscriptions(true);
            spec.setSubscriptionName("audit");
            spec.setMaxSessions(3);
            activate(bean, spec);
        }
        send(session.createTopic("events"), 40);

        await().atMost(WAIT).until(() -> a.deliveries.size() + b.deliveries.size() >= 40);
        List<Integer> all = new ArrayList<>(numbers(a.deliveries));
        all.addAll(numbers(b.deliveries));
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).boxed().toList());
    }

    @Test
    void undeployingWhileMessagesFlowLosesNothingAndLeavesNothingHidden() throws Exception {
        CountDownLatch tenDone = new CountDownLatch(10);
        TestBean bean = new TestBean(true).working(tenDone::countDown);
        HakeActivationSpec spec = queueSpec("busy", 2);
        adapter.endpointActivation(bean, spec);
        send(session.createQueue("busy"), 60);
        assertThat(tenDone.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        adapter.endpointDeactivation(bean, spec);
        List<Integer> processed = numbers(bean.deliveries);
        // Whatever the bean did not finish is visible again at once, not after a visibility timeout.
        List<Integer> left = drain(session.createQueue("busy"));
        List<Integer> all = new ArrayList<>(processed);
        all.addAll(left);
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 60).boxed().toList());
        assertThat(bean.endpointsReleased.get()).isEqualTo(bean.endpointsMade());
    }

    @Test
    void aBadActivationIsRefusedWithTheReason() throws Exception {
        HakeActivationSpec none = queueSpec(null, 1);
        assertThatThrownBy(() -> adapter.endpointActivation(new TestBean(false), none))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("destination");
        HakeActivationSpec selector = queueSpec("q", 1);
        selector.setMessageSelector("n >");
        assertThatThrownBy(() -> adapter.endpointActivation(new TestBean(false), selector))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("messageSelector");
        HakeActivationSpec durable = queueSpec("t", 1);
        durable.setDestinationType("jakarta.jms.Topic");
        durable.setSubscriptionDurability("Durable");
        durable.setSubscriptionName("s");
        assertThatThrownBy(() -> adapter.endpointActivation(new TestBean(false), durable))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("clientId");
        HakeActivationSpec ack = queueSpec("q", 1);
        ack.setAcknowledgeMode("Client-acknowledge");
        assertThatThrownBy(() -> adapter.endpointActivation(new TestBean(false), ack))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("acknowledgeMode");
        HakeActivationSpec sessions = queueSpec("q", 0);
        assertThatThrownBy(() -> adapter.endpointActivation(new TestBean(false), sessions))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("maxSessions must be at least 1, was 0");
        HakeActivationSpec region = queueSpec("q", 1);
        region.setReceiveWaitSeconds(99);
        assertThatThrownBy(() -> adapter.endpointActivation(new TestBean(false), region))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("receiveWaitSeconds");
    }
}
