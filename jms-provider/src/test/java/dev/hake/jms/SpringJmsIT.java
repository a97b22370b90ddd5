package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/** hake under Spring's JmsTemplate and DefaultMessageListenerContainer, unchanged. */
class SpringJmsIT extends JmsIntegrationTest {

    private final List<DefaultMessageListenerContainer> containers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopContainers() {
        containers.forEach(DefaultMessageListenerContainer::shutdown);
    }

    private DefaultMessageListenerContainer container(String queue, MessageListener listener, boolean transacted) {
        DefaultMessageListenerContainer c = new DefaultMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(queue);
        c.setMessageListener(listener);
        c.setSessionTransacted(transacted);
        c.setReceiveTimeout(1_000);
        c.afterPropertiesSet();
        c.start();
        containers.add(c);
        return c;
    }

    @Test
    void jmsTemplateSendsAndReceives() throws Exception {
        JmsTemplate template = new JmsTemplate(factory);
        template.setReceiveTimeout(10_000);
        template.convertAndSend("spring-orders", "order from Spring", m -> {
            m.setStringProperty("source", "template");
            return m;
        });
        Message got = template.receive("spring-orders");
        assertThat(got).isInstanceOf(TextMessage.class);
        assertThat(template.getMessageConverter().fromMessage(got)).isEqualTo("order from Spring");
    }

    @Test
    void listenerContainerDeliversEveryMessage() {
        List<String> got = new CopyOnWriteArrayList<>();
        container("spring-listened", m -> got.add(text(m)), false);
        JmsTemplate template = new JmsTemplate(factory);
        for (int i = 0; i < 10; i++) {
            template.convertAndSend("spring-listened", "n" + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 10);
        assertThat(got).containsExactlyInAnyOrder("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9");
    }

    @Test
    void transactedListenerContainerRedeliversWhenTheListenerFails() {
        AtomicInteger attempts = new AtomicInteger();
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        container("spring-tx", m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails on purpose: the container rolls back");
            }
        }, true);
        new JmsTemplate(factory).convertAndSend("spring-tx", "retry me");
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts.get() >= 2);
        assertThat(redelivered).startsWith(false, true);
    }

    @Test
    void transactedTemplateSessionCommits() throws Exception {
        JmsTemplate template = new JmsTemplate(factory);
        template.setSessionTransacted(true);
        template.setReceiveTimeout(10_000);
        template.send("spring-tx-send", s -> {
            assertThat(s.getTransacted()).isTrue();
            return s.createTextMessage("committed by the template");
        });
        template.setSessionTransacted(false);
        template.setSessionAcknowledgeMode(Session.AUTO_ACKNOWLEDGE);
        assertThat(text(template.receive("spring-tx-send"))).isEqualTo("committed by the template");
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
