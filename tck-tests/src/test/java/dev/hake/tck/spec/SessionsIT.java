package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jakarta Messaging 3.1, section 6.2 "Sessions": the ways to create a session and the modes they
 * give, what is legal in which mode, and closing a session (6.2.15); and, from section 9.2 "Method
 * inheritance across messaging domains", the queue and topic sessions of the domain-specific API
 * refusing the other domain's methods.
 */
class SessionsIT extends SpecTest {

    @Test
    void createSessionWithoutArgumentsIsNonTransactedAutoAcknowledge() throws Exception {
        Session session = connection().createSession();

        assertThat(session.getTransacted()).isFalse();
        assertThat(session.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
    }

    @ParameterizedTest
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void createSessionWithAnAcknowledgeModeIsNonTransacted(int mode) throws Exception {
        Connection connection = connection();

        Session bySessionMode = connection.createSession(mode);
        Session byPair = connection.createSession(false, mode);

        assertThat(bySessionMode.getTransacted()).isFalse();
        assertThat(bySessionMode.getAcknowledgeMode()).isEqualTo(mode);
        assertThat(byPair.getTransacted()).isFalse();
        assertThat(byPair.getAcknowledgeMode()).isEqualTo(mode);
    }

    @Test
    void sessionTransactedModeMakesATransactedSession() throws Exception {
        Connection connection = connection();

        Session bySessionMode = connection.createSession(Session.SESSION_TRANSACTED);
        // With transacted = true the acknowledge mode argument is ignored.
        Session byPair = connection.createSession(true, Session.CLIENT_ACKNOWLEDGE);

        assertThat(bySessionMode.getTransacted()).isTrue();
        assertThat(bySessionMode.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        assertThat(byPair.getTransacted()).isTrue();
        assertThat(byPair.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
    }

    @Test
    void anUnknownAcknowledgeModeIsRefused() throws Exception {
        Connection connection = connection();

        assertThatThrownBy(() -> connection.createSession(false, 42)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> connection.createSession(42)).isInstanceOf(JMSException.class);
    }

    @Test
    void commitAndRollbackAreIllegalOutsideATransaction() throws Exception {
        Session session = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recoverIsIllegalInATransaction() throws Exception {
        Session session = connection().createSession(true, Session.SESSION_TRANSACTED);

        assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClosedSessionAndItsProducersAndConsumersRefuseUse() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("closed-session");
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);
        Message message = session.createTextMessage("never sent");

        session.close();

        assertThatThrownBy(() -> session.createTextMessage("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createProducer(queue)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createConsumer(queue)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::getAcknowledgeMode).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::getTransacted).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.receive(QUIET)).isInstanceOf(IllegalStateException.class);
        // Closing again, or closing what it made, is ignored.
        session.close();
        producer.close();
        consumer.close();
        // The connection lives on.
        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        other.createProducer(queue).send(other.createTextMessage("still works"));
        assertThat(text(other.createConsumer(queue).receive(WAIT))).isEqualTo("still works");
    }

    @Test
    void commitAndRollbackOnAClosedTransactedSessionAreIllegal() throws Exception {
        Session session = connection().createSession(true, Session.SESSION_TRANSACTED);
        session.close();

        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeWaitsForAListenerThatIsRunning() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertCloseWaitsForARunningListener(connection, session, "session-close-waits", session::close);
    }

    @Test
    void aListenerCannotCloseItsOwnSession() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("self-close-session");
        CompletableFuture<Throwable> onClose = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> onClose.complete(thrownBy(session::close)));
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sending.createProducer(queue).send(sending.createTextMessage("try to close"));

        assertThat(onClose.get(WAIT, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerMayCloseItsOwnConsumer() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("self-close-consumer");
        MessageConsumer consumer = session.createConsumer(queue);
        CompletableFuture<Throwable> onClose = new CompletableFuture<>();
        consumer.setMessageListener(m -> onClose.complete(thrownBy(consumer::close)));
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sending.createProducer(queue).send(sending.createTextMessage("close me"));

        assertThat(onClose.get(WAIT, TimeUnit.MILLISECONDS)).isNull();
        assertThatThrownBy(() -> consumer.receive(QUIET)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aQueueSessionRefusesTopicMethods() throws Exception {
        QueueConnection connection = track(factory.createQueueConnection());
        connection.setClientID(clientId("queue-domain"));
        QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        // A Topic object from elsewhere: the queue session must refuse to use it.
        Topic topic = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createTopic("not-for-queues");

        assertThatThrownBy(() -> session.createTopic("t")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::createTemporaryTopic).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "d")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "d", null, false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "d")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "d", null, false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "s")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "s", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "s")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "s", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.unsubscribe("d")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTopicSessionRefusesQueueMethods() throws Exception {
        TopicConnection connection = track(factory.createTopicConnection());
        TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("not-for-topics");

        assertThatThrownBy(() -> session.createQueue("q")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createBrowser(queue)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createBrowser(queue, "a = 1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionsOfOneConnectionWorkIndependently() throws Exception {
        Connection connection = startedConnection();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Session auto = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = auto.createQueue("independent");
        MessageConsumer consumer = auto.createConsumer(queue);

        transacted.createProducer(queue).send(transacted.createTextMessage("held"));
        auto.createProducer(queue).send(auto.createTextMessage("sent"));

        assertThat(text(consumer.receive(WAIT))).isEqualTo("sent");
        assertNothingMore(consumer);
        transacted.commit();
        assertThat(text(consumer.receive(WAIT))).isEqualTo("held");
    }
}
