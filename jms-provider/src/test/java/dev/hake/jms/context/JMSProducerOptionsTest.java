package dev.hake.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A JMSProducer's send options, and the sends that fail before anything reaches AWS. */
class JMSProducerOptionsTest {

    private static JMSContext context;
    private JMSProducer producer;

    @BeforeAll
    static void openContext() {
        // Connecting only builds clients: nothing is sent to this endpoint.
        context = new HakeConnectionFactory("hake:?endpoint=http://127.0.0.1:9&accessKeyId=unit&secretAccessKey=unit")
                .createContext();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }

    @BeforeEach
    void newProducer() {
        producer = context.createProducer();
    }

    @Test
    void defaultsAreThoseOfAMessageProducer() {
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
        assertThat(producer.getTimeToLive()).isEqualTo(Message.DEFAULT_TIME_TO_LIVE);
        assertThat(producer.getDeliveryDelay()).isEqualTo(Message.DEFAULT_DELIVERY_DELAY);
        assertThat(producer.getDisableMessageID()).isFalse();
        assertThat(producer.getDisableMessageTimestamp()).isFalse();
        assertThat(producer.getAsync()).isNull();
        assertThat(producer.getJMSCorrelationID()).isNull();
        assertThat(producer.getJMSType()).isNull();
        assertThat(producer.getJMSReplyTo()).isNull();
    }

    @Test
    void settersAreFluent() {
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        JMSProducer same = producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(9).setTimeToLive(60_000)
                .setDeliveryDelay(1_000).setDisableMessageID(true).setDisableMessageTimestamp(true).setAsync(listener);
        assertThat(same).isSameAs(producer);
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(9);
        assertThat(producer.getTimeToLive()).isEqualTo(60_000);
        assertThat(producer.getDeliveryDelay()).isEqualTo(1_000);
        assertThat(producer.getDisableMessageID()).isTrue();
        assertThat(producer.getDisableMessageTimestamp()).isTrue();
        assertThat(producer.getAsync()).isSameAs(listener);
        assertThat(producer.setAsync(null).getAsync()).isNull();
    }

    @Test
    void invalidOptionsAreRefusedWhenSet() {
        assertThatThrownBy(() -> producer.setDeliveryMode(3)).isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("3");
        assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> producer.setPriority(-1)).isInstanceOf(JMSRuntimeException.class);
        assertThatThrownBy(() -> producer.setDeliveryDelay(-1)).isInstanceOf(JMSRuntimeException.class);
        assertThat(producer.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY);
    }

    @Test
    void aNullDestinationIsAnInvalidDestination() {
        assertThatThrownBy(() -> producer.send(null, "text")).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> producer.send(null, context.createMessage()))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> producer.send(null, new byte[0])).isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    void aNullMessageIsAMessageFormatError() {
        assertThatThrownBy(() -> producer.send(context.createQueue("q"), (Message) null))
                .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void aMapBodyWithAValueAMapMessageCannotHoldIsAMessageFormatError() {
        assertThatThrownBy(() -> producer.send(context.createQueue("q"), java.util.Map.of("list", java.util.List.of())))
                .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void aProducerOfAClosedContextCannotSend() {
        JMSContext other = context.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        JMSProducer otherProducer = other.createProducer();
        var queue = other.createQueue("q");
        other.close();
        assertThatThrownBy(() -> otherProducer.send(queue, "text")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(other::createProducer).isInstanceOf(IllegalStateRuntimeException.class);
        // The connection stays open for the context it was shared with.
        assertThat(context.createProducer()).isNotNull();
    }
}
