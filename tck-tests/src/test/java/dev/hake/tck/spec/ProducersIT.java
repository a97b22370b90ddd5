package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, chapter 7 "Sending messages" (the {@code MessageProducer}, with 3.4.11
 * "How message header values are set"): its defaults, its settings and the per-send overrides,
 * the header fields a send sets, the rules for producers with and without a destination, and the
 * validation of delivery mode and priority.
 */
class ProducersIT extends SpecTest {

    private Session session;
    private Queue queue;
    private MessageConsumer consumer;

    @BeforeEach
    void open() throws JMSException {
        session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("produced");
        consumer = session.createConsumer(queue);
    }

    @Test
    void aNewProducerHasTheSpecifiedDefaults() throws Exception {
        MessageProducer producer = session.createProducer(queue);

        assertThat(producer.getDestination()).isEqualTo(queue);
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(Message.DEFAULT_PRIORITY).isEqualTo(4);
        assertThat(producer.getTimeToLive()).isEqualTo(Message.DEFAULT_TIME_TO_LIVE).isZero();
        assertThat(producer.getDeliveryDelay()).isEqualTo(Message.DEFAULT_DELIVERY_DELAY).isZero();
        assertThat(producer.getDisableMessageID()).isFalse();
        assertThat(producer.getDisableMessageTimestamp()).isFalse();
    }

    @Test
    void aSendWithTheDefaultsSetsTheHeadersOnTheSentAndTheReceivedMessage() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        TextMessage sent = session.createTextMessage("defaults");
        long before = System.currentTimeMillis();

        producer.send(sent);
        long after = System.currentTimeMillis();

        assertThat(sent.getJMSMessageID()).startsWith("ID:");
        assertThat(sent.getJMSDestination()).isEqualTo(queue);
        assertThat(sent.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(sent.getJMSPriority()).isEqualTo(4);
        assertThat(sent.getJMSExpiration()).isZero();
        assertThat(sent.getJMSTimestamp()).isBetween(before, after);
        Message received = consumer.receive(WAIT);
        assertThat(text(received)).isEqualTo("defaults");
        assertThat(received.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        assertThat(received.getJMSDestination()).isEqualTo(queue);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(4);
        assertThat(received.getJMSExpiration()).isZero();
        assertThat(received.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
    }

    @Test
    void theProducersSettingsApplyToItsSends() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.setPriority(7);
        producer.setTimeToLive(600_000);
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(7);
        assertThat(producer.getTimeToLive()).isEqualTo(600_000);

        TextMessage sent = session.createTextMessage("settings");
        producer.send(sent);

        Message received = consumer.receive(WAIT);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(7);
        assertThat(received.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 600_000);
        assertThat(sent.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 600_000);
    }

    @Test
    void aPerSendOverrideAppliesToThatSendOnly() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        TextMessage overridden = session.createTextMessage("overridden");

        producer.send(overridden, DeliveryMode.NON_PERSISTENT, 9, 300_000);
        producer.send(session.createTextMessage("plain"));

        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(4);
        assertThat(producer.getTimeToLive()).isZero();
        Map<String, Message> byText = byText(receive(consumer, 2));
        Message first = byText.get("overridden");
        assertThat(first.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(first.getJMSPriority()).isEqualTo(9);
        assertThat(first.getJMSExpiration()).isEqualTo(overridden.getJMSTimestamp() + 300_000);
        Message second = byText.get("plain");
        assertThat(second.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(second.getJMSPriority()).isEqualTo(4);
        assertThat(second.getJMSExpiration()).isZero();
    }

    @Test
    void headerValuesTheClientSetsBeforeSendingAreReplacedBySend() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        TextMessage sent = session.createTextMessage("client headers");
        sent.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        sent.setJMSPriority(1);
        sent.setJMSExpiration(1234);
        sent.setJMSMessageID("ID:chosen-by-client");
        sent.setJMSTimestamp(42);
        sent.setJMSDestination(session.createQueue("elsewhere"));
        sent.setJMSRedelivered(true);

        producer.send(sent);

        Message received = consumer.receive(WAIT);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(received.getJMSPriority()).isEqualTo(4);
        assertThat(received.getJMSExpiration()).isZero();
        assertThat(received.getJMSMessageID()).isNotEqualTo("ID:chosen-by-client").isEqualTo(sent.getJMSMessageID());
        assertThat(received.getJMSTimestamp()).isNotEqualTo(42).isEqualTo(sent.getJMSTimestamp());
        assertThat(received.getJMSDestination()).isEqualTo(queue);
        assertThat(received.getJMSRedelivered()).isFalse();
    }

    @Test
    void eachSendGetsItsOwnMessageIdEvenForTheSameMessageObject() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        TextMessage message = session.createTextMessage("first");
        producer.send(message);
        String firstId = message.getJMSMessageID();

        // After a send the client may change the message and send it again; the first send is not affected.
        message.setText("second");
        producer.send(message);

        assertThat(message.getJMSMessageID()).isNotEqualTo(firstId);
        Map<String, Message> byText = byText(receive(consumer, 2));
        assertThat(byText).containsOnlyKeys("first", "second");
        assertThat(byText.get("first").getJMSMessageID()).isEqualTo(firstId);
        assertThat(byText.get("second").getJMSMessageID()).isEqualTo(message.getJMSMessageID());
    }

    @Test
    void anUnidentifiedProducerNamesTheDestinationOnEachSend() throws Exception {
        MessageProducer producer = session.createProducer(null);
        Topic topic = session.createTopic("anonymous");
        MessageConsumer subscriber = session.createConsumer(topic);

        assertThat(producer.getDestination()).isNull();
        producer.send(queue, session.createTextMessage("to the queue"));
        producer.send(topic, session.createTextMessage("to the topic"), DeliveryMode.NON_PERSISTENT, 6, 0);

        assertThat(text(consumer.receive(WAIT))).isEqualTo("to the queue");
        Message onTopic = subscriber.receive(WAIT);
        assertThat(text(onTopic)).isEqualTo("to the topic");
        assertThat(onTopic.getJMSDestination()).isEqualTo(topic);
        assertThat(onTopic.getJMSPriority()).isEqualTo(6);
    }

    @Test
    void anUnidentifiedProducerCannotSendWithoutADestination() throws Exception {
        MessageProducer producer = session.createProducer(null);
        TextMessage message = session.createTextMessage("nowhere");

        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> producer.send(message, DeliveryMode.PERSISTENT, 4, 0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> producer.send(null, message)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> producer.send(null, message, DeliveryMode.PERSISTENT, 4, 0))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void aProducerWithADestinationCannotSendElsewhere() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        Queue other = session.createQueue("other");
        TextMessage message = session.createTextMessage("elsewhere");

        assertThatThrownBy(() -> producer.send(other, message)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> producer.send(other, message, DeliveryMode.PERSISTENT, 4, 0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> producer.send(queue, message)).isInstanceOf(UnsupportedOperationException.class);
        assertNothingMore(consumer);
    }

    @Test
    void invalidDeliveryModesAndPrioritiesAreRefused() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        TextMessage message = session.createTextMessage("invalid");

        assertThatThrownBy(() -> producer.setDeliveryMode(0)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.setDeliveryMode(3)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.setPriority(-1)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.send(message, 3, 4, 0)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.send(message, DeliveryMode.PERSISTENT, 10, 0)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.send(message, DeliveryMode.PERSISTENT, -1, 0)).isInstanceOf(JMSException.class);
        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(4);
        assertNothingMore(consumer);
    }

    @Test
    void everyPriorityFromZeroToNineIsCarried() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        for (int priority = 0; priority <= 9; priority++) {
            producer.send(session.createTextMessage(Integer.toString(priority)), DeliveryMode.NON_PERSISTENT, priority, 0);
        }

        for (Message received : receive(consumer, 10)) {
            assertThat(received.getJMSPriority()).isEqualTo(Integer.parseInt(text(received)));
        }
    }

    @Test
    void disablingMessageIdsAndTimestampsIsAHintThatIsKept() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        producer.setDisableMessageID(true);
        producer.setDisableMessageTimestamp(true);

        producer.send(session.createTextMessage("hints"));

        assertThat(producer.getDisableMessageID()).isTrue();
        assertThat(producer.getDisableMessageTimestamp()).isTrue();
        // A provider may ignore the hints; the message is still delivered.
        assertThat(text(consumer.receive(WAIT))).isEqualTo("hints");
    }

    @Test
    void aNullMessageIsAnInvalidMessage() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        MessageProducer anonymous = session.createProducer(null);

        assertThatThrownBy(() -> producer.send(null)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> anonymous.send(queue, null)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> context().createProducer().send(queue, (Message) null))
                .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void aClosedProducerRefusesUseAndClosingAgainIsIgnored() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        TextMessage message = session.createTextMessage("after close");

        producer.close();
        producer.close();

        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.setPriority(5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(producer::getDestination).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void timeToLiveOfZeroMeansNeverExpires() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(0);
        TextMessage message = session.createTextMessage("forever");

        producer.send(message);

        assertThat(message.getJMSExpiration()).isZero();
        assertThat(consumer.receive(WAIT).getJMSExpiration()).isZero();
    }

    @Test
    void theDeliveryTimeOfAnUndelayedMessageIsItsSendTime() throws Exception {
        MessageProducer producer = session.createProducer(queue);
        TextMessage message = session.createTextMessage("now");

        producer.send(message);

        assertThat(message.getJMSDeliveryTime()).isCloseTo(message.getJMSTimestamp(), within(1000L));
        assertThat(consumer.receive(WAIT).getJMSDeliveryTime()).isEqualTo(message.getJMSDeliveryTime());
    }

    private static Map<String, Message> byText(List<Message> messages) throws JMSException {
        Map<String, Message> byText = new HashMap<>();
        for (Message m : messages) {
            byText.put(text(m), m);
        }
        return byText;
    }
}
