package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import org.junit.jupiter.api.Test;

/** The classic API's one-domain sessions refuse the other domain's methods; createSession serves both. */
class SessionDomainIT extends JmsIntegrationTest {

    @Test
    void aQueueSessionRefusesTopicMethods() throws Exception {
        QueueConnection connection = (QueueConnection) track(factory("clientId=domains").createQueueConnection());
        QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        var topic = connection.createSession().createTopic("events");

        assertThatThrownBy(() -> session.createTopic("events")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("createTopic is not allowed on a QueueSession");
        assertThatThrownBy(session::createTemporaryTopic).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "sub")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "sub")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.unsubscribe("sub")).isInstanceOf(IllegalStateException.class);
        assertThat(session.createQueue("orders").getQueueName()).isEqualTo("orders");
    }

    @Test
    void aTopicSessionRefusesQueueMethods() throws Exception {
        TopicConnection connection = (TopicConnection) track(factory.createTopicConnection());
        TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        var queue = connection.createSession().createQueue("orders");

        assertThatThrownBy(() -> session.createQueue("orders")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("createQueue is not allowed on a TopicSession");
        assertThatThrownBy(session::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createBrowser(queue)).isInstanceOf(IllegalStateException.class);
        assertThat(session.createTopic("events").getTopicName()).isEqualTo("events");
    }

    @Test
    void aSessionFromCreateSessionServesBoth() throws Exception {
        Session session = connection().createSession();
        assertThat(session.createQueue("orders").getQueueName()).isEqualTo("orders");
        assertThat(session.createTopic("events").getTopicName()).isEqualTo("events");
    }
}
