package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, chapter 8 "Receiving messages" (the {@code MessageConsumer}): the three
 * kinds of synchronous receive, asynchronous delivery to a {@code MessageListener} and its
 * exclusivity with synchronous receive, closing a consumer, and how queues and topics hand out
 * messages to several consumers.
 */
class ConsumersIT extends SpecTest {

    private Connection connection;
    private Session session;
    private Queue queue;

    @BeforeEach
    void open() throws JMSException {
        connection = startedConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("consumed");
    }

    @Test
    void receiveWithATimeoutReturnsTheMessageOrNullWhenNoneCame() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receive(QUIET)).isNull();

        session.createProducer(queue).send(session.createTextMessage("timed"));

        assertThat(text(consumer.receive(WAIT))).isEqualTo("timed");
    }

    @Test
    void receiveWithoutATimeoutWaitsForTheNextMessage() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        Background<Message> receiving = inBackground(consumer::receive);
        awaitBlockedIn(receiving.thread(), "receive");

        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sending.createProducer(queue).send(sending.createTextMessage("worth the wait"));

        assertThat(text(receiving.get())).isEqualTo("worth the wait");
    }

    @Test
    void receiveWithTimeoutZeroWaitsForTheNextMessage() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        Background<Message> receiving = inBackground(() -> consumer.receive(0));
        awaitBlockedIn(receiving.thread(), "receive");

        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sending.createProducer(queue).send(sending.createTextMessage("zero means forever"));

        assertThat(text(receiving.get())).isEqualTo("zero means forever");
    }

    @Test
    void receiveNoWaitReturnsNullOnAnEmptyQueueAndTheMessageOnceItIsThere() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receiveNoWait()).isNull();

        session.createProducer(queue).send(session.createTextMessage("no wait"));

        List<Message> got = new ArrayList<>();
        await().atMost(Duration.ofMillis(WAIT)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Message m = consumer.receiveNoWait();
            if (m != null) {
                got.add(m);
            }
            return !got.isEmpty();
        });
        assertThat(text(got.get(0))).isEqualTo("no wait");
    }

    @Test
    void closingAConsumerMakesABlockedReceiveReturnNull() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        Background<Message> receiving = inBackground(consumer::receive);
        awaitBlockedIn(receiving.thread(), "receive");

        consumer.close();

        assertThat(receiving.get()).isNull();
    }

    @Test
    void closingAConsumerMakesABlockedTimedReceiveReturnNull() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        Background<Message> receiving = inBackground(() -> consumer.receive(60_000));
        awaitBlockedIn(receiving.thread(), "receive");

        consumer.close();

        assertThat(receiving.get()).isNull();
    }

    @Test
    void closingTheConnectionMakesABlockedReceiveReturnNull() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        Background<Message> receiving = inBackground(consumer::receive);
        awaitBlockedIn(receiving.thread(), "receive");

        connection.close();

        assertThat(receiving.get()).isNull();
    }

    @Test
    void aClosedConsumerRefusesUseAndClosingAgainIsIgnored() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue, "a = 1");
        consumer.close();
        consumer.close();

        assertThatThrownBy(consumer::receive).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.receive(QUIET)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::getMessageSelector).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerGetsEveryMessage() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        List<String> received = new CopyOnWriteArrayList<>();
        MessageListener listener = m -> received.add(textOf(m));
        consumer.setMessageListener(listener);
        assertThat(consumer.getMessageListener()).isSameAs(listener);

        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sending.createProducer(queue);
        for (int i = 0; i < 5; i++) {
            producer.send(sending.createTextMessage("m" + i));
        }

        await().atMost(Duration.ofMillis(WAIT)).until(() -> received.size() >= 5);
        assertThat(received).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void aConsumerWithAListenerCannotAlsoReceiveSynchronously() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.setMessageListener(m -> { });

        assertThatThrownBy(() -> consumer.receive(QUIET)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void removingTheListenerAllowsSynchronousReceiveAgain() throws Exception {
        Session own = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = own.createConsumer(queue);
        List<String> received = new CopyOnWriteArrayList<>();
        consumer.setMessageListener(m -> received.add(textOf(m)));
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("async"));
        await().atMost(Duration.ofMillis(WAIT)).until(() -> received.contains("async"));

        connection.stop();
        consumer.setMessageListener(null);
        connection.start();
        assertThat(consumer.getMessageListener()).isNull();
        producer.send(session.createTextMessage("sync"));

        assertThat(text(consumer.receive(WAIT))).isEqualTo("sync");
        assertThat(received).containsExactly("async");
    }

    @Test
    void aListenerThatThrowsGetsTheMessageAgainMarkedRedelivered() throws Exception {
        Session own = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        List<Message> deliveries = new CopyOnWriteArrayList<>();
        own.createConsumer(queue).setMessageListener(m -> {
            deliveries.add(m);
            if (deliveries.size() == 1) {
                throw new RuntimeException("failing on purpose");
            }
        });

        session.createProducer(queue).send(session.createTextMessage("again"));

        await().atMost(Duration.ofMillis(WAIT)).until(() -> deliveries.size() >= 2);
        assertThat(deliveries.get(0).getJMSRedelivered()).isFalse();
        assertThat(text(deliveries.get(1))).isEqualTo("again");
        assertThat(deliveries.get(1).getJMSRedelivered()).isTrue();
        assertThat(deliveries.get(1).getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theSelectorIsReportedAndNoOrEmptySelectorMeansNull() throws Exception {
        assertThat(session.createConsumer(queue, "color = 'red'").getMessageSelector()).isEqualTo("color = 'red'");
        assertThat(session.createConsumer(queue).getMessageSelector()).isNull();
        assertThat(session.createConsumer(queue, null).getMessageSelector()).isNull();
        assertThat(session.createConsumer(queue, "").getMessageSelector()).isNull();
    }

    @Test
    void aConsumerNeedsADestination() {
        assertThatThrownBy(() -> session.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createConsumer(null, "a = 1")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void queueReceiversAndTopicSubscribersNameTheirDestination() throws Exception {
        Topic topic = session.createTopic("named");
        QueueReceiver receiver = (QueueReceiver) session.createConsumer(queue);
        TopicSubscriber subscriber = (TopicSubscriber) session.createConsumer(topic, null, true);

        assertThat(receiver.getQueue()).isEqualTo(queue);
        assertThat(subscriber.getTopic()).isEqualTo(topic);
        assertThat(subscriber.getNoLocal()).isTrue();
    }

    @Test
    void consumersOfOneQueueShareItsMessagesEachGettingAMessageOnce() throws Exception {
        Connection other = startedConnection();
        Session otherSession = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer a = session.createConsumer(queue);
        MessageConsumer b = otherSession.createConsumer(queue);
        List<String> received = new CopyOnWriteArrayList<>();
        a.setMessageListener(m -> received.add(textOf(m)));
        b.setMessageListener(m -> received.add(textOf(m)));
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sending.createProducer(queue);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            producer.send(sending.createTextMessage("job " + i));
            sent.add("job " + i);
        }

        await().atMost(Duration.ofMillis(WAIT)).until(() -> received.size() >= 20);
        await().during(Duration.ofMillis(QUIET)).atMost(Duration.ofMillis(WAIT)).until(() -> received.size() == 20);
        assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void everySubscriberOfATopicGetsEveryMessage() throws Exception {
        Topic topic = session.createTopic("broadcast");
        MessageConsumer a = session.createConsumer(topic);
        MessageConsumer b = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("one"));
        producer.send(session.createTextMessage("two"));

        assertThat(texts(receive(a, 2))).containsExactlyInAnyOrder("one", "two");
        assertThat(texts(receive(b, 2))).containsExactlyInAnyOrder("one", "two");
        assertNothingMore(a);
    }

    @Test
    void aTopicSubscriberDoesNotGetWhatWasPublishedBeforeItExisted() throws Exception {
        Topic topic = session.createTopic("late");
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("too early"));

        MessageConsumer subscriber = session.createConsumer(topic);
        producer.send(session.createTextMessage("in time"));

        assertThat(text(subscriber.receive(WAIT))).isEqualTo("in time");
        assertNothingMore(subscriber);
    }

    @Test
    void aMessageReceivedIsAcknowledgedAndNotDeliveredAgain() throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        session.createProducer(queue).send(session.createTextMessage("once"));
        assertThat(text(consumer.receive(WAIT))).isEqualTo("once");
        consumer.close();

        assertNothingMore(session.createConsumer(queue));
    }

    @Test
    void aListenerIsCalledSeriallyForOneSession() throws Exception {
        Session own = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = own.createTopic("serial");
        List<String> calls = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> overlap = new CompletableFuture<>();
        AtomicInteger inside = new AtomicInteger();
        MessageListener listener = m -> {
            if (inside.incrementAndGet() > 1) {
                overlap.complete(true);
            }
            calls.add(textOf(m));
            inside.decrementAndGet();
        };
        own.createConsumer(topic).setMessageListener(listener);
        own.createConsumer(topic).setMessageListener(listener);
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sending.createProducer(topic);
        for (int i = 0; i < 10; i++) {
            producer.send(sending.createTextMessage("s" + i));
        }

        await().atMost(Duration.ofMillis(WAIT)).until(() -> calls.size() >= 20);
        assertThat(overlap).as("two onMessage calls of one session overlapped").isNotDone();
        assertThat(calls).hasSize(20);
    }

    private static String textOf(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }
}
