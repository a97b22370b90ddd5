package dev.hake.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.testing.BackendResources;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application end to end, on the backend of -Dhake.test.backend (embedded by default,
 * moto in CI's second run) instead of the in-JVM backend its application.properties names: its demo
 * runs at startup, and an order sent with Boot's JmsTemplate reaches its {@code @JmsListener} with
 * its body and property. Everything it made is deleted afterwards.
 */
// DeleteAfterwards before @SpringBootTest's extension: its afterAll then runs after Spring has closed the
// application (@DirtiesContext), so no listener polls a queue that is being deleted.
@ExtendWith({HakeBackendExtension.class, OrdersApplicationIT.DeleteAfterwards.class})
@SpringBootTest(properties = {"hake.embedded=false", "orders.count=5"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrdersApplicationIT {

    private static HakeTestBackend backend;
    private static String prefix;

    @Autowired
    private JmsTemplate jms;
    @Autowired
    private OrderListener listener;
    @Autowired
    private OrderDemo demo;

    /** Runs before Spring loads the application, which reads the properties below. */
    @BeforeAll
    static void chooseBackend(HakeTestBackend chosen) {
        backend = chosen;
        prefix = "boot" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @DynamicPropertySource
    static void backendProperties(DynamicPropertyRegistry properties) {
        properties.add("hake.endpoint", () -> backend.endpoint().toString());
        properties.add("hake.region", () -> backend.region());
        properties.add("hake.access-key-id", () -> backend.accessKeyId());
        properties.add("hake.secret-access-key", () -> backend.secretAccessKey());
        properties.add("hake.prefix", () -> prefix);
    }

    @Test
    void theDemoAtStartupGotEveryOrder() {
        assertThat(demo.getExitCode()).isZero();
        assertThat(listener.received()).extracting(Order::text)
                .contains("order #1", "order #2", "order #3", "order #4", "order #5");
    }

    @Test
    void anOrderSentWithJmsTemplateReachesTheListenerWithItsProperty() {
        jms.convertAndSend("orders", "order from the test", message -> {
            message.setStringProperty("customer", "barbara");
            return message;
        });
        await().atMost(Duration.ofSeconds(60))
                .until(() -> listener.received().contains(new Order("order from the test", "barbara")));
    }

    @Test
    void anOrderTheListenerCannotTakeEndsInTheDeadLetterQueueAfterMaxDeliveries() throws Exception {
        // No customer header: the listener's method cannot be called, every delivery fails and is rolled back.
        jms.convertAndSend("orders", "order without a customer");

        JmsTemplate deadLetters = new JmsTemplate(jms.getConnectionFactory());
        deadLetters.setReceiveTimeout(1_000);
        Message[] dead = new Message[1];
        // Seven deliveries a second or more apart (hake.redelivery-delay-seconds=1), then SQS moves it.
        await().atMost(Duration.ofSeconds(90)).until(() -> (dead[0] = deadLetters.receive("orders-dlq")) != null);
        assertThat(((TextMessage) dead[0]).getText()).isEqualTo("order without a customer");
        assertThat(dead[0].getStringProperty("JMS_HakeDeadLetterSource")).isEqualTo("queue://orders");
        assertThat(listener.received()).extracting(Order::text).doesNotContain("order without a customer");
    }

    /** Deletes every queue and topic the application made under the test's prefix. */
    static final class DeleteAfterwards implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) {
            if (backend == null) {
                return;
            }
            try (BackendResources aws = new BackendResources(backend.endpoint(), backend.region(),
                    backend.accessKeyId(), backend.secretAccessKey())) {
                aws.deleteAll(prefix);
            }
        }
    }
}
