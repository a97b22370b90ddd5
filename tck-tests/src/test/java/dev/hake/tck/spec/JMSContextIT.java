package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, the simplified API (section 2.8 "Simplified API interfaces" and where
 * chapters 6 to 8 describe {@code JMSContext}, {@code JMSProducer} and {@code JMSConsumer}): session
 * modes, autoStart, the fluent producer and its body types, {@code receiveBody} (8.6), contexts
 * sharing a connection, and the unchecked exceptions that stand in for the classic API's checked
 * ones (10.2).
 */
class JMSContextIT extends SpecTest {

    @Test
    void aContextHasTheSessionModeItWasCreatedWith() {
        assertThat(context().getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(context().getTransacted()).isFalse();
        assertThat(context(JMSContext.CLIENT_ACKNOWLEDGE).getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThat(context(JMSContext.DUPS_OK_ACKNOWLEDGE).getSessionMode()).isEqualTo(JMSContext.DUPS_OK_ACKNOWLEDGE);
        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        assertThat(transacted.getSessionMode()).isEqualTo(JMSContext.SESSION_TRANSACTED);
        assertThat(transacted.getTransacted()).isTrue();
        assertThatThrownBy(() -> context(42)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    void aContextStartsItsConnectionWhenAConsumerIsCreated() {
        JMSContext context = context();
        assertThat(context.getAutoStart()).isTrue();
        Queue queue = context.createQueue("auto-start");
        context.createProducer().send(queue, "no start needed");

        assertThat(context.createConsumer(queue).receiveBody(String.class, WAIT)).isEqualTo("no start needed");
    }

    @Test
    void withoutAutoStartNothingIsDeliveredUntilStart() {
        JMSContext context = context();
        context.setAutoStart(false);
        Queue queue = context.createQueue("manual-start");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "waiting");

        assertThat(consumer.receive(QUIET)).isNull();

        context.start();
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("waiting");
    }

    @Test
    void theProducerSendsEachBodyTypeAsTheMatchingMessage() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("bodies");
        JMSConsumer consumer = context.createConsumer(queue);
        JMSProducer producer = context.createProducer();

        producer.send(queue, "text");
        producer.send(queue, Map.of("k", 1));
        producer.send(queue, new byte[] {1, 2});
        producer.send(queue, (Serializable) new ArrayList<>(List.of("obj")));
        producer.send(queue, context.createMessage());

        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message m = consumer.receive(WAIT);
            assertThat(m).isNotNull();
            received.add(m);
        }
        assertThat(received).filteredOn(TextMessage.class::isInstance).singleElement()
                .satisfies(m -> assertThat(m.getBody(String.class)).isEqualTo("text"));
        assertThat(received).filteredOn(MapMessage.class::isInstance).singleElement()
                .satisfies(m -> assertThat(((MapMessage) m).getInt("k")).isEqualTo(1));
        assertThat(received).filteredOn(BytesMessage.class::isInstance).singleElement()
                .satisfies(m -> assertThat(m.getBody(byte[].class)).containsExactly(1, 2));
        assertThat(received).filteredOn(ObjectMessage.class::isInstance).singleElement()
                .satisfies(m -> assertThat(m.getBody(Serializable.class)).isEqualTo(List.of("obj")));
    }

    @Test
    void theProducersHeadersAndPropertiesGoOnEveryMessageItSends() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("fluent");
        Queue replyTo = context.createQueue("fluent-replies");
        JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setPriority(2)
                .setTimeToLive(600_000)
                .setJMSCorrelationID("corr")
                .setJMSType("fluent-type")
                .setJMSReplyTo(replyTo)
                .setProperty("count", 3)
                .setProperty("label", "x")
                .setProperty("ratio", 0.5)
                .send(queue, "configured");

        Message m = consumer.receive(WAIT);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(2);
        assertThat(m.getJMSExpiration()).isGreaterThan(0);
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(m.getJMSType()).isEqualTo("fluent-type");
        assertThat(m.getJMSReplyTo()).isEqualTo(replyTo);
        assertThat(m.getIntProperty("count")).isEqualTo(3);
        assertThat(m.getStringProperty("label")).isEqualTo("x");
        assertThat(m.getDoubleProperty("ratio")).isEqualTo(0.5);
    }

    @Test
    void theProducersPropertiesFollowTheConversionRules() {
        JMSProducer producer = context().createProducer();
        producer.setProperty("i", 7);
        producer.setProperty("s", "12");
        producer.setProperty("b", true);

        assertThat(producer.getStringProperty("i")).isEqualTo("7");
        assertThat(producer.getLongProperty("i")).isEqualTo(7L);
        assertThat(producer.getIntProperty("s")).isEqualTo(12);
        assertThat(producer.getPropertyNames()).containsExactlyInAnyOrder("i", "s", "b");
        assertThat(producer.propertyExists("b")).isTrue();
        assertThatThrownBy(() -> producer.getIntProperty("b")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.getShortProperty("i")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.setProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("list", new ArrayList<>())).isInstanceOf(MessageFormatRuntimeException.class);

        producer.clearProperties();
        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @Test
    void receiveBodyReturnsTheBodyOfEachType() {
        JMSContext context = context();
        Queue queue = context.createQueue("receive-body");
        JMSConsumer consumer = context.createConsumer(queue);
        JMSProducer producer = context.createProducer();

        producer.send(queue, "a string");
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("a string");
        producer.send(queue, new byte[] {9});
        assertThat(consumer.receiveBody(byte[].class, WAIT)).containsExactly(9);
        producer.send(queue, Map.of("key", "value"));
        assertThat(consumer.receiveBody(Map.class, WAIT)).containsEntry("key", "value");
        producer.send(queue, (Serializable) Long.valueOf(5));
        assertThat(consumer.receiveBody(Long.class, WAIT)).isEqualTo(5L);
        producer.send(queue, "without timeout");
        assertThat(consumer.receiveBody(String.class)).isEqualTo("without timeout");
    }

    @Test
    void receiveBodyNoWaitAndWithATimeoutReturnNullWhenNothingCame() {
        JMSContext context = context();
        JMSConsumer consumer = context.createConsumer(context.createQueue("empty"));

        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
        assertThat(consumer.receiveBody(String.class, QUIET)).isNull();
    }

    @Test
    void receiveBodyOfTheWrongTypeThrowsAndTheMessageIsDeliveredAgain() {
        JMSContext context = context();
        Queue queue = context.createQueue("wrong-type");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> consumer.receiveBody(String.class, WAIT)).isInstanceOf(MessageFormatRuntimeException.class);

        assertThat(consumer.receiveBody(byte[].class, WAIT)).containsExactly(1, 2, 3);
    }

    @Test
    void receiveBodyOfAStreamMessageIsAMessageFormatRuntimeException() {
        JMSContext context = context();
        Queue queue = context.createQueue("stream-body");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, context.createStreamMessage());

        assertThatThrownBy(() -> consumer.receiveBody(Object.class, WAIT)).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void aContextMadeFromAContextSharesItsConnectionUntilBothAreClosed() throws Exception {
        JMSContext first = context();
        JMSContext second = track(first.createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = second.createQueue("shared-connection");

        first.close();

        second.createProducer().send(queue, "still open");
        Message m = second.createConsumer(queue).receive(WAIT);
        assertThat(m).isNotNull();
        m.acknowledge();
    }

    @Test
    void clientAcknowledgeAcknowledgesEverythingConsumedSoFar() {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = context.createQueue("context-ack");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "one").send(queue, "two");
        assertThat(consumer.receive(WAIT)).isNotNull();
        assertThat(consumer.receive(WAIT)).isNotNull();

        context.acknowledge();
        context.close();

        JMSContext after = context();
        assertThat(after.createConsumer(queue).receive(QUIET)).isNull();
    }

    @Test
    void aTransactedContextCommitsAndRollsBack() throws Exception {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        Queue queue = context.createQueue("context-tx");
        JMSConsumer observer = context().createConsumer(queue);
        JMSProducer producer = context.createProducer();

        producer.send(queue, "rolled back");
        context.rollback();
        producer.send(queue, "committed");
        context.commit();

        assertThat(observer.receiveBody(String.class, WAIT)).isEqualTo("committed");
        assertThat(observer.receive(QUIET)).isNull();
    }

    @Test
    void aListenerOnAJMSConsumerGetsTheMessages() {
        JMSContext context = context();
        Topic topic = context.createTopic("context-listener");
        List<String> received = new CopyOnWriteArrayList<>();
        JMSConsumer consumer = context.createConsumer(topic);
        consumer.setMessageListener(m -> {
            try {
                received.add(m.getBody(String.class));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        context().createProducer().send(topic, "a").send(topic, "b");

        await().atMost(Duration.ofMillis(WAIT)).until(() -> received.size() >= 2);
        assertThat(received).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(() -> consumer.receive(QUIET)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void aListenerCannotCloseOrStopItsOwnContext() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("context-self-close");
        CompletableFuture<Throwable> onStop = new CompletableFuture<>();
        CompletableFuture<Throwable> onClose = new CompletableFuture<>();
        context.createConsumer(queue).setMessageListener(m -> {
            onStop.complete(thrownBy(context::stop));
            onClose.complete(thrownBy(context::close));
        });

        context().createProducer().send(queue, "stop yourself");

        assertThat(onStop.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThat(onClose.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void checkedExceptionsHaveUncheckedTwins() {
        JMSContext context = context();
        Queue queue = context.createQueue("twins");

        assertThatThrownBy(() -> context.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> context.createConsumer(queue, "a =")).isInstanceOf(InvalidSelectorRuntimeException.class);
        assertThatThrownBy(() -> context.createProducer().send(null, "x")).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(context::commit).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::rollback).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.createProducer().setPriority(10)).isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> context.createProducer().setDeliveryMode(0)).isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> context.createDurableConsumer(context.createTopic("t"), "needs-client-id"))
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context.unsubscribe("never-created")).isInstanceOf(InvalidDestinationRuntimeException.class);

        context.createProducer().send(queue, "used");
        assertThatThrownBy(() -> context.setClientID(clientId("late"))).isInstanceOf(IllegalStateRuntimeException.class);

        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        assertThatThrownBy(transacted::recover).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void aClosedContextRefusesUseAndClosingAgainIsIgnored() {
        JMSContext context = context();
        Queue queue = context.createQueue("closed-context");
        JMSProducer producer = context.createProducer();
        context.close();
        context.close();

        assertThatThrownBy(() -> context.createConsumer(queue)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(context::createTextMessage).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> producer.send(queue, "after close")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void clientIdAndDurableSubscriptionsThroughAContext() {
        JMSContext context = context();
        context.setClientID(clientId("context"));
        assertThat(context.getClientID()).isEqualTo(clientId("context"));
        Topic topic = context.createTopic("context-durable");
        context.createDurableConsumer(topic, "sub").close();

        context.createProducer().send(topic, "kept");

        JMSConsumer back = context.createDurableConsumer(topic, "sub");
        assertThat(back.receiveBody(String.class, WAIT)).isEqualTo("kept");
        back.close();
        context.unsubscribe("sub");
    }

    @Test
    void sharedConsumersThroughAContextShareTheMessages() {
        JMSContext context = context();
        Topic topic = context.createTopic("context-shared");
        JMSConsumer a = context.createSharedConsumer(topic, "group");
        JMSConsumer b = track(context.createContext(JMSContext.AUTO_ACKNOWLEDGE)).createSharedConsumer(topic, "group");
        List<String> got = new CopyOnWriteArrayList<>();
        a.setMessageListener(m -> got.add(bodyOf(m)));
        b.setMessageListener(m -> got.add(bodyOf(m)));

        JMSProducer producer = context().createProducer();
        for (int i = 0; i < 6; i++) {
            producer.send(topic, "s" + i);
        }

        await().atMost(Duration.ofMillis(WAIT)).until(() -> got.size() >= 6);
        await().during(Duration.ofMillis(QUIET)).atMost(Duration.ofMillis(WAIT)).until(() -> got.size() == 6);
        assertThat(got).containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "s4", "s5");
    }

    @Test
    void theContextMakesMessagesOfEveryType() throws Exception {
        JMSContext context = context();

        assertThat(context.createTextMessage("t").getText()).isEqualTo("t");
        assertThat(context.createObjectMessage("o").getObject()).isEqualTo("o");
        assertThat(context.createBytesMessage()).isInstanceOf(BytesMessage.class);
        assertThat(context.createMapMessage()).isInstanceOf(MapMessage.class);
        assertThat(context.createStreamMessage()).isNotNull();
        assertThat(context.createMessage()).isNotNull();
        assertThat(context.getMetaData().getJMSVersion()).isEqualTo("3.1");
    }

    private static String bodyOf(Message message) {
        try {
            return message.getBody(String.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
