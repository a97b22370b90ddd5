package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.BeforeEach;

/** A {@link SpecTest} whose tests send a message through a queue of their own and read what arrives. */
abstract class RoundTripTest extends SpecTest {

    protected Session session;
    protected Queue queue;
    protected MessageProducer producer;
    protected MessageConsumer consumer;

    @BeforeEach
    void openRoundTrip() throws JMSException {
        session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue("round-trip");
        producer = session.createProducer(queue);
        consumer = session.createConsumer(queue);
    }

    /** Sends {@code message} and returns what the queue's consumer receives; fails if nothing comes. */
    protected <T extends Message> T roundTrip(T message) throws JMSException {
        producer.send(message);
        Message received = consumer.receive(WAIT);
        assertThat(received).isNotNull();
        @SuppressWarnings("unchecked")
        T typed = (T) received;
        return typed;
    }
}
