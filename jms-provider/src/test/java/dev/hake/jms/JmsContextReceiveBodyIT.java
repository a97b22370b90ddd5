package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * receiveBody for every body type, and what happens to a message whose body it cannot return:
 * delivered again unchanged in AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE, consumed in the other modes.
 */
class JmsContextReceiveBodyIT extends ContextIntegrationTest {

    @Test
    void eachBodyTypeComesBackAsItsJavaType() {
        JMSContext context = context();
        Queue queue = context.createQueue("bodies");
        JMSConsumer consumer = context.createConsumer(queue);
        JMSProducer producer = context.createProducer();

        producer.send(queue, "text");
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("text");

        producer.send(queue, new byte[] {1, 2, 3});
        assertThat(consumer.receiveBody(byte[].class, WAIT)).containsExactly(1, 2, 3);

        producer.send(queue, Map.<String, Object>of("k", 1, "s", "v"));
        assertThat(consumer.receiveBody(Map.class, WAIT)).isEqualTo(Map.of("k", 1, "s", "v"));

        producer.send(queue, new ArrayList<>(List.of("a")));
        assertThat(consumer.receiveBody(Serializable.class, WAIT)).isEqualTo(List.of("a"));

        // Any supertype of the body will do.
        producer.send(queue, "as object");
        assertThat(consumer.receiveBody(Object.class, WAIT)).isEqualTo("as object");
        producer.send(queue, new ArrayList<>(List.of("b")));
        assertThat(consumer.receiveBody(List.class, WAIT)).isEqualTo(List.of("b"));
    }

    @Test
    void everyReceiveBodyVariantWaitsAsItsReceiveDoes() {
        JMSContext context = context();
        Queue queue = context.createQueue("variants");
        JMSConsumer consumer = context.createConsumer(queue);
        JMSProducer producer = context.createProducer();
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();

        producer.send(queue, "no wait");
        AtomicReference<String> got = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            got.set(consumer.receiveBodyNoWait(String.class));
            return got.get() != null;
        });
        assertThat(got.get()).isEqualTo("no wait");

        producer.send(queue, "blocking");
        assertThat(consumer.receiveBody(String.class)).isEqualTo("blocking");
    }

    @ParameterizedTest(name = "session mode {0}")
    @ValueSource(ints = {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE})
    void aBodyOfAnotherTypeFailsAndTheSameMessageIsDeliveredAgainUnchanged(int sessionMode) throws Exception {
        JMSContext context = context(sessionMode);
        Queue queue = context.createQueue("mismatch");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "text");

        assertThatThrownBy(() -> consumer.receiveBody(byte[].class, WAIT))
                .isInstanceOf(MessageFormatRuntimeException.class).hasMessageContaining("byte[]");
        assertThatThrownBy(() -> consumer.receiveBodyNoWait(Map.class))
                .isInstanceOf(MessageFormatRuntimeException.class);

        Message again = consumer.receiveNoWait();
        assertThat(again.getBody(String.class)).isEqualTo("text");
        // Not a redelivery, says the spec.
        assertThat(again.getJMSRedelivered()).isFalse();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(consumer.receive(1_500)).isNull();
    }

    @Test
    void theMessageDeliveredAgainComesBeforeAnyLaterOne() {
        JMSContext context = context();
        Queue queue = context.createQueue("first-again");
        JMSConsumer consumer = context.createConsumer(queue);
        JMSProducer producer = context.createProducer();
        producer.send(queue, "first");
        assertThatThrownBy(() -> consumer.receiveBody(Map.class, WAIT)).isInstanceOf(MessageFormatRuntimeException.class);
        producer.send(queue, "second");

        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("first");
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("second");
    }

    @Test
    void aStreamMessageOrAMessageWithoutBodyIsNeverReturnedAsABody() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("no-body");
        JMSConsumer consumer = context.createConsumer(queue);
        StreamMessage stream = context.createStreamMessage();
        stream.writeInt(42);
        context.createProducer().send(queue, stream);

        assertThatThrownBy(() -> consumer.receiveBody(Object.class, WAIT))
                .isInstanceOf(MessageFormatRuntimeException.class).hasMessageContaining("StreamMessage");
        assertThat(consumer.receive(WAIT)).isInstanceOf(StreamMessage.class);

        context.createProducer().send(queue, context.createMessage());
        assertThatThrownBy(() -> consumer.receiveBody(Object.class, WAIT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        Message plain = consumer.receive(WAIT);
        assertThat(plain).isNotNull();
        assertThat(plain.getJMSRedelivered()).isFalse();
    }

    @Test
    void inClientAcknowledgeTheFailedMessageIsConsumedUntilRecover() throws Exception {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = context.createQueue("client-mismatch");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "text");

        assertThatThrownBy(() -> consumer.receiveBody(byte[].class, WAIT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(1_500)).isNull();

        context.recover();
        Message again = consumer.receive(WAIT);
        assertThat(again.getBody(String.class)).isEqualTo("text");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        context.acknowledge();
    }

    @Test
    void inATransactionTheFailedMessageIsConsumedUntilRollback() throws Exception {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        Queue queue = context.createQueue("tx-mismatch");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "text");
        context.commit();

        assertThatThrownBy(() -> consumer.receiveBody(Map.class, WAIT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(1_500)).isNull();

        context.rollback();
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("text");
        context.commit();
    }
}
