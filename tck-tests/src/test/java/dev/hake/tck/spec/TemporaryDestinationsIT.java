package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 6.2.2 "Creating temporary destinations" (with 4.1.5 and 4.2.7 on
 * {@code TemporaryQueue} and {@code TemporaryTopic}): unique to their connection, consumable only
 * by it while any connection may send to them, deleted by {@code delete} (not while a consumer is
 * open) or when their connection closes.
 */
class TemporaryDestinationsIT extends SpecTest {

    private Connection owner;
    private Session session;

    @BeforeEach
    void open() throws JMSException {
        owner = startedConnection();
        session = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    void aTemporaryQueueCarriesMessagesLikeAQueue() throws Exception {
        TemporaryQueue queue = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(queue);

        session.createProducer(queue).send(session.createTextMessage("temporary"));

        Message received = consumer.receive(WAIT);
        assertThat(text(received)).isEqualTo("temporary");
        assertThat(received.getJMSDestination()).isEqualTo(queue);
        assertThat(queue.getQueueName()).isNotBlank();
    }

    @Test
    void aTemporaryTopicCarriesMessagesLikeATopic() throws Exception {
        TemporaryTopic topic = session.createTemporaryTopic();
        MessageConsumer a = session.createConsumer(topic);
        MessageConsumer b = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(topic);

        session.createProducer(topic).send(session.createTextMessage("to all"));

        assertThat(text(a.receive(WAIT))).isEqualTo("to all");
        assertThat(text(b.receive(WAIT))).isEqualTo("to all");
        assertThat(topic.getTopicName()).isNotBlank();
    }

    @Test
    void everyTemporaryDestinationIsNew() throws Exception {
        TemporaryQueue q1 = session.createTemporaryQueue();
        TemporaryQueue q2 = session.createTemporaryQueue();
        TemporaryQueue q3 = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
        TemporaryTopic t1 = session.createTemporaryTopic();
        TemporaryTopic t2 = session.createTemporaryTopic();

        assertThat(q1).isNotEqualTo(q2).isNotEqualTo(q3);
        assertThat(q1.getQueueName()).isNotEqualTo(q2.getQueueName()).isNotEqualTo(q3.getQueueName());
        assertThat(t1.getTopicName()).isNotEqualTo(t2.getTopicName());
    }

    @Test
    void otherSessionsOfTheOwningConnectionMayConsume() throws Exception {
        TemporaryQueue queue = session.createTemporaryQueue();
        Session other = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = other.createConsumer(queue);

        session.createProducer(queue).send(session.createTextMessage("same connection"));

        assertThat(text(consumer.receive(WAIT))).isEqualTo("same connection");
    }

    @Test
    void onlyTheOwningConnectionMayConsume() throws Exception {
        TemporaryQueue queue = session.createTemporaryQueue();
        TemporaryTopic topic = session.createTemporaryTopic();
        Session stranger = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(() -> stranger.createConsumer(queue)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> stranger.createConsumer(topic)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> stranger.createBrowser(queue)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void anyConnectionMaySendToATemporaryQueue() throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(replies);
        Session responder = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);

        MessageProducer producer = responder.createProducer(replies);
        producer.send(responder.createTextMessage("reply from elsewhere"));

        assertThat(text(consumer.receive(WAIT))).isEqualTo("reply from elsewhere");
    }

    @Test
    void aRequestReplyRoundTripOverATemporaryQueue() throws Exception {
        Session service = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        var requests = service.createQueue("requests");
        service.createConsumer(requests).setMessageListener(request -> {
            try {
                TextMessage reply = service.createTextMessage("re: " + ((TextMessage) request).getText());
                reply.setJMSCorrelationID(request.getJMSMessageID());
                service.createProducer(request.getJMSReplyTo()).send(reply);
            } catch (JMSException e) {
                throw new AssertionError(e);
            }
        });
        TemporaryQueue replies = session.createTemporaryQueue();
        TextMessage request = session.createTextMessage("question");
        request.setJMSReplyTo(replies);

        session.createProducer(requests).send(request);

        Message reply = session.createConsumer(replies).receive(WAIT);
        assertThat(text(reply)).isEqualTo("re: question");
        assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
    }

    @Test
    void deletingATemporaryDestinationWithAnOpenConsumerIsAnError() throws Exception {
        TemporaryQueue queue = session.createTemporaryQueue();
        TemporaryTopic topic = session.createTemporaryTopic();
        MessageConsumer queueConsumer = session.createConsumer(queue);
        MessageConsumer topicConsumer = session.createConsumer(topic);

        assertThatThrownBy(queue::delete).isInstanceOf(JMSException.class);
        assertThatThrownBy(topic::delete).isInstanceOf(JMSException.class);

        queueConsumer.close();
        topicConsumer.close();
        queue.delete();
        topic.delete();
    }

    @Test
    void aDeletedTemporaryQueueCannotBeUsed() throws Exception {
        TemporaryQueue queue = session.createTemporaryQueue();
        queue.delete();

        assertThatThrownBy(() -> session.createConsumer(queue)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createProducer(queue).send(session.createTextMessage("gone")))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void aTemporaryQueueIsGoneWhenItsConnectionCloses() throws Exception {
        Connection shortLived = startedConnection();
        TemporaryQueue queue = shortLived.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
        TemporaryTopic topic = shortLived.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryTopic();

        shortLived.close();

        MessageProducer producer = session.createProducer(null);
        assertThatThrownBy(() -> producer.send(queue, session.createTextMessage("too late")))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> producer.send(topic, session.createTextMessage("too late")))
                .isInstanceOf(InvalidDestinationException.class);
    }
}
