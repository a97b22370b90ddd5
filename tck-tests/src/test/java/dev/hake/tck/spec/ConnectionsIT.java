package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 6.1 "Connections": starting and stopping delivery, closing, the
 * connection metadata, and the client identifier rules.
 */
class ConnectionsIT extends SpecTest {

    @Test
    void metaDataNamesVersion31AndTheJmsxGroupProperties() throws Exception {
        ConnectionMetaData meta = connection().getMetaData();

        assertThat(meta.getJMSVersion()).isEqualTo("3.1");
        assertThat(meta.getJMSMajorVersion()).isEqualTo(3);
        assertThat(meta.getJMSMinorVersion()).isEqualTo(1);
        assertThat(meta.getJMSProviderName()).isNotBlank();
        assertThat(meta.getProviderVersion()).isNotBlank();
        assertThat(meta.getProviderMajorVersion()).isNotNegative();
        assertThat(meta.getProviderMinorVersion()).isNotNegative();
        List<Object> names = Collections.list(meta.getJMSXPropertyNames());
        // JMSXGroupID and JMSXGroupSeq are the JMSX properties every provider supports; JMSXDeliveryCount is mandatory since 2.0.
        assertThat(names).contains("JMSXGroupID", "JMSXGroupSeq", "JMSXDeliveryCount");
        assertThat(names).allSatisfy(n -> assertThat((String) n).startsWith("JMSX"));
    }

    @Test
    void clientIdSetFirstIsKept() throws Exception {
        Connection connection = connection();
        connection.setClientID(clientId("first"));

        assertThat(connection.getClientID()).isEqualTo(clientId("first"));
    }

    @Test
    void clientIdCannotBeSetAfterTheConnectionWasUsed() throws Exception {
        Connection connection = connection();
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();

        assertThatThrownBy(() -> connection.setClientID(clientId("late"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clientIdCannotBeSetTwice() throws Exception {
        Connection connection = connection();
        connection.setClientID(clientId("once"));

        assertThatThrownBy(() -> connection.setClientID(clientId("twice"))).isInstanceOf(IllegalStateException.class);
        assertThat(connection.getClientID()).isEqualTo(clientId("once"));
    }

    @Test
    void clientIdConfiguredOnTheFactoryCannotBeChanged() throws Exception {
        Connection connection = track(factory("clientId=" + clientId("admin")).createConnection());

        assertThat(connection.getClientID()).isEqualTo(clientId("admin"));
        assertThatThrownBy(() -> connection.setClientID(clientId("other"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clientIdInUseByAnotherConnectionIsRefusedUntilThatConnectionCloses() throws Exception {
        Connection first = connection();
        first.setClientID(clientId("unique"));
        Connection second = connection();

        assertThatThrownBy(() -> second.setClientID(clientId("unique"))).isInstanceOf(InvalidClientIDException.class);

        first.close();
        Connection third = connection();
        third.setClientID(clientId("unique"));
        assertThat(third.getClientID()).isEqualTo(clientId("unique"));
    }

    @Test
    void aConnectionDeliversNothingUntilStarted() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("start");
        MessageConsumer consumer = session.createConsumer(queue);
        session.createProducer(queue).send(session.createTextMessage("waits for start"));

        assertNothingMore(consumer);

        connection.start();
        assertThat(text(consumer.receive(WAIT))).isEqualTo("waits for start");
    }

    @Test
    void stopPausesSynchronousDeliveryAndStartResumesIt() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("pause");
        MessageConsumer consumer = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("before stop"));
        assertThat(text(consumer.receive(WAIT))).isEqualTo("before stop");

        connection.stop();
        producer.send(session.createTextMessage("while stopped"));
        assertNothingMore(consumer);

        connection.start();
        assertThat(text(consumer.receive(WAIT))).isEqualTo("while stopped");
    }

    @Test
    void stopPausesListenersAndStartResumesThem() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("pause-listener");
        List<String> received = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> received.add(textOf(m)));
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = sending.createProducer(queue);
        producer.send(sending.createTextMessage("one"));
        await().atMost(Duration.ofMillis(WAIT)).until(() -> received.contains("one"));

        connection.stop();
        producer.send(sending.createTextMessage("two"));
        await().during(Duration.ofMillis(QUIET)).atMost(Duration.ofMillis(WAIT)).until(() -> received.size() == 1);

        connection.start();
        await().atMost(Duration.ofMillis(WAIT)).until(() -> received.contains("two"));
        assertThat(received).containsExactly("one", "two");
    }

    @Test
    void startOnAStartedAndStopOnAStoppedConnectionAreIgnored() throws Exception {
        Connection connection = connection();
        connection.stop();
        connection.start();
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("idempotent");
        session.createProducer(queue).send(session.createTextMessage("still flows"));

        assertThat(text(session.createConsumer(queue).receive(WAIT))).isEqualTo("still flows");
        connection.stop();
        connection.stop();
    }

    @Test
    void aClosedConnectionAndItsObjectsRefuseUseButCloseAgainIsIgnored() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("closed");
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);
        Message message = session.createTextMessage("never sent");

        connection.close();

        assertThatThrownBy(() -> connection.createSession(false, Session.AUTO_ACKNOWLEDGE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(connection::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(connection::stop).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> connection.setClientID(clientId("closed"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createTextMessage("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createConsumer(queue)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.receive(QUIET)).isInstanceOf(IllegalStateException.class);
        connection.close();
        session.close();
        producer.close();
        consumer.close();
    }

    @Test
    void closeWaitsForAListenerThatIsRunning() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertCloseWaitsForARunningListener(connection, session, "close-waits", connection::close);
    }

    @Test
    void aListenerCannotStopOrCloseItsOwnConnection() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("self-close");
        CompletableFuture<Throwable> onStop = new CompletableFuture<>();
        CompletableFuture<Throwable> onClose = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> {
            onStop.complete(thrownBy(connection::stop));
            onClose.complete(thrownBy(connection::close));
        });
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sending.createProducer(queue).send(sending.createTextMessage("try to stop"));

        assertThat(onStop.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class);
        assertThat(onClose.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exceptionListenerIsKept() throws Exception {
        Connection connection = connection();
        assertThat(connection.getExceptionListener()).isNull();
        ExceptionListener listener = e -> { };

        connection.setExceptionListener(listener);

        assertThat(connection.getExceptionListener()).isSameAs(listener);
    }

    @Test
    void domainConnectionsMakeDomainSessions() throws Exception {
        QueueConnection queueConnection = track(factory.createQueueConnection());
        queueConnection.start();
        QueueSession queueSession = queueConnection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = queueSession.createQueue("domain");
        queueSession.createSender(queue).send(queueSession.createTextMessage("point to point"));
        assertThat(text(queueSession.createReceiver(queue).receive(WAIT))).isEqualTo("point to point");

        TopicConnection topicConnection = track(factory.createTopicConnection());
        topicConnection.start();
        TopicSession topicSession = topicConnection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        var topic = topicSession.createTopic("domain");
        var subscriber = topicSession.createSubscriber(topic);
        topicSession.createPublisher(topic).publish(topicSession.createTextMessage("publish and subscribe"));
        assertThat(text(subscriber.receive(WAIT))).isEqualTo("publish and subscribe");
    }

    private static String textOf(Message message) {
        try {
            return text(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
