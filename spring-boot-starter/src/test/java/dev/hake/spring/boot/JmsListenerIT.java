package dev.hake.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.DefaultJmsListenerContainerFactoryConfigurer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.jms.config.JmsListenerEndpointRegistry;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.messaging.handler.annotation.Header;

/**
 * A Boot application on hake as a user writes one: Boot's JmsTemplate and {@code @JmsListener}s, a
 * queue listener with concurrency 3-10 and a shared durable topic subscription, configured only by
 * properties. What is asserted is what the application sees: each message once, body and properties.
 */
class JmsListenerIT extends BootIntegrationTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final String[] LISTENER_SETTINGS = {
        "spring.jms.listener.receive-timeout=5s",
        "spring.jms.template.receive-timeout=10s",
    };

    @Test
    void aQueueListenerWithConcurrency3To10GetsEveryOrderOnceWithItsProperties() {
        ConfigurableApplicationContext application = start(Application.class, LISTENER_SETTINGS);
        DefaultMessageListenerContainer container = container(application, "orders");
        assertThat(container.getConcurrentConsumers()).isEqualTo(3);
        assertThat(container.getMaxConcurrentConsumers()).isEqualTo(10);
        await().atMost(ARRIVAL).until(() -> container.getActiveConsumerCount() >= 3);

        JmsTemplate template = application.getBean(JmsTemplate.class);
        IntStream.range(0, 30).forEach(i -> template.convertAndSend("orders", "order #" + i, m -> {
            m.setStringProperty("customer", "c" + (i % 3));
            m.setIntProperty("quantity", i);
            return m;
        }));

        Application listeners = application.getBean(Application.class);
        await().atMost(ARRIVAL).until(() -> listeners.orders.size() >= 30);
        assertThat(listeners.orders).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(listeners.orders).contains(Map.of("body", "order #" + i, "customer", "c" + (i % 3),
                    "quantity", Integer.toString(i)));
        }
    }

    @Test
    void aSharedDurableSubscriptionGetsEveryEventOnceAcrossItsConsumers() {
        ConfigurableApplicationContext application = start(Application.class, LISTENER_SETTINGS);
        DefaultMessageListenerContainer container = container(application, "audit");
        assertThat(container.isPubSubDomain()).isTrue();
        assertThat(container.isSubscriptionShared()).isTrue();
        assertThat(container.isSubscriptionDurable()).isTrue();
        // Until a consumer has subscribed, what is published reaches no subscription.
        await().atMost(ARRIVAL).until(container::isRegisteredWithDestination);

        JmsTemplate topics = new JmsTemplate(application.getBean(ConnectionFactory.class));
        topics.setPubSubDomain(true);
        IntStream.range(0, 20).forEach(i -> topics.convertAndSend("events", "event #" + i, m -> {
            m.setStringProperty("kind", i % 2 == 0 ? "created" : "paid");
            return m;
        }));

        Application listeners = application.getBean(Application.class);
        await().atMost(ARRIVAL).until(() -> listeners.events.size() >= 20);
        assertThat(listeners.events).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(listeners.events).contains(Map.of("body", "event #" + i, "kind", i % 2 == 0 ? "created" : "paid"));
        }
    }

    @Test
    void jmsTemplateSendsAndReceivesThroughTheCachedConnection() {
        ConfigurableApplicationContext application = start(Application.class, LISTENER_SETTINGS);
        JmsTemplate template = application.getBean(JmsTemplate.class);
        template.convertAndSend("replies", "reply #1");
        assertThat(template.receiveAndConvert("replies")).isEqualTo("reply #1");
    }

    private static DefaultMessageListenerContainer container(ConfigurableApplicationContext application, String id) {
        return (DefaultMessageListenerContainer) application.getBean(JmsListenerEndpointRegistry.class)
                .getListenerContainer(id);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        final List<Map<String, String>> orders = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> events = new CopyOnWriteArrayList<>();

        @JmsListener(id = "orders", destination = "orders", concurrency = "3-10")
        void order(String body, @Header("customer") String customer, @Header("quantity") int quantity) {
            orders.add(Map.of("body", body, "customer", customer, "quantity", Integer.toString(quantity)));
        }

        @JmsListener(id = "audit", destination = "events", subscription = "audit", concurrency = "2",
                containerFactory = "topicListenerFactory")
        void event(String body, @Header("kind") String kind) {
            events.add(Map.of("body", body, "kind", kind));
        }

        /** Boot's settings (spring.jms.listener.*), for topics: shared durable subscriptions. */
        @Bean
        static DefaultJmsListenerContainerFactory topicListenerFactory(DefaultJmsListenerContainerFactoryConfigurer configurer,
                                                                       ConnectionFactory connectionFactory) {
            DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
            configurer.configure(factory, connectionFactory);
            factory.setPubSubDomain(true);
            factory.setSubscriptionDurable(true);
            factory.setSubscriptionShared(true);
            return factory;
        }
    }
}
