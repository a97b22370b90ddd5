package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Messages in and out through a JMSContext: what a JMSProducer puts on a message, and every body it sends. */
class JmsContextMessagingIT extends ContextIntegrationTest {

    @Test
    void theProducersHeadersPropertiesAndOptionsArriveWithTheMessage() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("orders");
        Queue replies = context.createQueue("replies");
        JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(7).setTimeToLive(60_000)
                .setJMSCorrelationID("corr-1").setJMSType("greeting").setJMSReplyTo(replies)
                .setProperty("aBoolean", true).setProperty("aByte", (byte) -7).setProperty("aShort", (short) 300)
                .setProperty("anInt", 70_000).setProperty("aLong", 5_000_000_000L).setProperty("aFloat", 1.5f)
                .setProperty("aDouble", 2.25).setProperty("aString", "eu")
                .send(queue, "hello, context");

        TextMessage got = (TextMessage) consumer.receive(WAIT);
        assertThat(got.getText()).isEqualTo("hello, context");
        assertThat(got.getJMSMessageID()).startsWith("ID:");
        assertThat(got.getJMSDestination()).isEqualTo(queue);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(7);
        assertThat(got.getJMSTimestamp()).isPositive();
        assertThat(got.getJMSExpiration()).isEqualTo(got.getJMSTimestamp() + 60_000);
        assertThat(got.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(got.getJMSType()).isEqualTo("greeting");
        assertThat(got.getJMSReplyTo()).isEqualTo(replies);
        assertThat(got.getJMSRedelivered()).isFalse();
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(got.getObjectProperty("aBoolean")).isEqualTo(true);
        assertThat(got.getObjectProperty("aByte")).isEqualTo((byte) -7);
        assertThat(got.getObjectProperty("aShort")).isEqualTo((short) 300);
        assertThat(got.getObjectProperty("anInt")).isEqualTo(70_000);
        assertThat(got.getObjectProperty("aLong")).isEqualTo(5_000_000_000L);
        assertThat(got.getObjectProperty("aFloat")).isEqualTo(1.5f);
        assertThat(got.getObjectProperty("aDouble")).isEqualTo(2.25);
        assertThat(got.getObjectProperty("aString")).isEqualTo("eu");
    }

    @Test
    void theProducerOverridesWhatItSetsAndKeepsTheRestOfTheMessage() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("override");
        JMSConsumer consumer = context.createConsumer(queue);
        Message message = context.createTextMessage("mine");
        message.setIntProperty("a", 1);
        message.setStringProperty("b", "kept");
        message.setJMSType("message-type");
        message.setJMSCorrelationID("message-corr");

        context.createProducer().setProperty("a", 2).setJMSType("producer-type").send(queue, message);

        Message got = consumer.receive(WAIT);
        assertThat(got.getIntProperty("a")).isEqualTo(2);
        assertThat(got.getStringProperty("b")).isEqualTo("kept");
        assertThat(got.getJMSType()).isEqualTo("producer-type");
        assertThat(got.getJMSCorrelationID()).isEqualTo("message-corr");
        // The message sent is the one the application holds: the send set its id.
        assertThat(got.getJMSMessageID()).isEqualTo(message.getJMSMessageID());
    }

    @Test
    void everyBodyOverloadSendsItsMessageTypeNullBodiesIncluded() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("bodies");
        JMSConsumer consumer = context.createConsumer(queue);
        JMSProducer producer = context.createProducer();
        Map<String, Object> map = new HashMap<>(Map.of("name", "hake", "big", Long.MAX_VALUE));
        map.put("raw", new byte[] {9, 8});

        producer.setProperty("case", "text").send(queue, "some text");
        producer.setProperty("case", "null text").send(queue, (String) null);
        producer.setProperty("case", "map").send(queue, map);
        producer.setProperty("case", "null map").send(queue, (Map<String, Object>) null);
        producer.setProperty("case", "bytes").send(queue, new byte[] {1, 2, 3, 0, -1});
        producer.setProperty("case", "null bytes").send(queue, (byte[]) null);
        producer.setProperty("case", "object").send(queue, new ArrayList<>(List.of("a", "b")));
        producer.setProperty("case", "null object").send(queue, (Serializable) null);

        Map<String, Message> got = receiveByCase(consumer, 8);
        assertThat(((TextMessage) got.get("text")).getText()).isEqualTo("some text");
        assertThat(((TextMessage) got.get("null text")).getText()).isNull();
        MapMessage gotMap = (MapMessage) got.get("map");
        assertThat(gotMap.getString("name")).isEqualTo("hake");
        assertThat(gotMap.getLong("big")).isEqualTo(Long.MAX_VALUE);
        assertThat(gotMap.getBytes("raw")).containsExactly(9, 8);
        assertThat(Collections.list(((MapMessage) got.get("null map")).getMapNames())).isEmpty();
        assertThat(got.get("bytes").getBody(byte[].class)).containsExactly(1, 2, 3, 0, -1);
        assertThat(((BytesMessage) got.get("null bytes")).getBodyLength()).isZero();
        assertThat(((ObjectMessage) got.get("object")).getObject()).isEqualTo(List.of("a", "b"));
        assertThat(((ObjectMessage) got.get("null object")).getObject()).isNull();
    }

    private static Map<String, Message> receiveByCase(JMSConsumer consumer, int count) throws Exception {
        // Standard queues promise no order: tell the messages apart by a property.
        Map<String, Message> byCase = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Message m = consumer.receive(WAIT);
            assertThat(m).as("message %d of %d", i + 1, count).isNotNull();
            byCase.put(m.getStringProperty("case"), m);
        }
        return byCase;
    }

    @Test
    void sendOptionsBelongToTheirProducerThoughOneMessageProducerSendsForAll() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("options");
        JMSConsumer consumer = context.createConsumer(queue);
        JMSProducer delayed = context.createProducer().setDeliveryDelay(1_000).setProperty("case", "delayed");
        JMSProducer untimed = context.createProducer().setDisableMessageTimestamp(true).setProperty("case", "untimed");
        JMSProducer plain = context.createProducer().setProperty("case", "plain");

        delayed.send(queue, "later");
        untimed.send(queue, "no timestamp");
        plain.send(queue, "now");

        Map<String, Message> got = receiveByCase(consumer, 3);
        Message d = got.get("delayed");
        assertThat(d.getJMSDeliveryTime()).isEqualTo(d.getJMSTimestamp() + 1_000);
        assertThat(got.get("untimed").getJMSTimestamp()).isZero();
        Message p = got.get("plain");
        assertThat(p.getJMSTimestamp()).isPositive();
        assertThat(p.getJMSDeliveryTime()).isEqualTo(p.getJMSTimestamp());
    }

    @Test
    void anAsynchronousSendReportsToItsCompletionListener() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("async");
        JMSConsumer consumer = context.createConsumer(queue);
        AtomicReference<Message> completed = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completed.set(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                failed.set(exception);
            }
        };

        context.createProducer().setAsync(listener).send(queue, "async");

        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() != null || failed.get() != null);
        assertThat(failed.get()).isNull();
        Message got = consumer.receive(WAIT);
        assertThat(got.getBody(String.class)).isEqualTo("async");
        assertThat(got.getJMSMessageID()).isEqualTo(completed.get().getJMSMessageID());
    }

    @Test
    void aConsumerWithASelectorGetsOnlyWhatMatches() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("selected");
        JMSConsumer reds = context.createConsumer(queue, "colour = 'red'");
        assertThat(reds.getMessageSelector()).isEqualTo("colour = 'red'");
        JMSProducer producer = context.createProducer();
        producer.setProperty("colour", "blue").send(queue, "blue one");
        producer.setProperty("colour", "red").send(queue, "red one");

        assertThat(reds.receiveBody(String.class, WAIT)).isEqualTo("red one");
        assertThatThrownBy(() -> context.createConsumer(queue, "colour = "))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
    }

    @Test
    void aMissingQueueIsAnInvalidDestinationWhenHakeMayNotCreateIt() {
        JMSContext context = track(factory("createDestinations=false").createContext());
        Queue missing = context.createQueue("missing");
        assertThatThrownBy(() -> context.createProducer().send(missing, "lost"))
                .isInstanceOf(InvalidDestinationRuntimeException.class)
                .hasCauseInstanceOf(jakarta.jms.InvalidDestinationException.class);
        assertThatThrownBy(() -> context.createConsumer(missing))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    void propertiesCannotBeSetOnAReceivedMessageButItCanBeForwardedAsItIs() throws Exception {
        JMSContext context = context();
        Queue in = context.createQueue("in");
        Queue out = context.createQueue("out");
        context.createProducer().setProperty("hop", 1).send(in, "forward me");
        Message received = context.createConsumer(in).receive(WAIT);

        assertThatThrownBy(() -> context.createProducer().setProperty("hop", 2).send(out, received))
                .isInstanceOf(MessageNotWriteableRuntimeException.class);

        context.createProducer().send(out, received);
        Message forwarded = context.createConsumer(out).receive(WAIT);
        assertThat(forwarded.getBody(String.class)).isEqualTo("forward me");
        assertThat(forwarded.getIntProperty("hop")).isEqualTo(1);
    }
}
