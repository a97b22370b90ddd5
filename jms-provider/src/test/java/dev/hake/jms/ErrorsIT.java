package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

/** The errors a user gets for bad input, and that nothing is half-sent. */
class ErrorsIT extends JmsIntegrationTest {

    @Test
    void missingDestinationsAreInvalidWhenCreationIsOff() throws Exception {
        Connection c = track(factory("createDestinations=false").createConnection());
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("nowhere");
        Topic topic = session.createTopic("nothing");

        assertThatThrownBy(() -> session.createProducer(queue).send(session.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining(prefix + "nowhere");
        assertThatThrownBy(() -> session.createConsumer(queue))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining(prefix + "nowhere");
        assertThatThrownBy(() -> session.createProducer(topic).send(session.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining(prefix + "nothing");
        assertThat(aws.queueUrls(prefix)).isEmpty();
        assertThat(aws.topicArns(prefix)).isEmpty();
    }

    @Test
    void oversizedMessageFailsNamingSizeAndLimitAndNothingIsSent() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("big");
        MessageConsumer consumer = session.createConsumer(queue);
        BytesMessage big = session.createBytesMessage();
        big.writeBytes(new byte[800 * 1024]); // 1,092,268 bytes once in base64

        assertThatThrownBy(() -> session.createProducer(queue).send(big))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("1048576")
                .hasMessageContaining("SQS")
                .hasMessageContaining("largeMessageBucket")
                .hasMessageMatching("(?s).*message is \\d+ bytes.*");
        Topic topic = session.createTopic("big-topic");
        assertThatThrownBy(() -> session.createProducer(topic).send(session.createTextMessage("x".repeat(270_000))))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("SNS")
                .hasMessageContaining("262144");
        assertThat(consumer.receive(1_000)).isNull();
    }

    @Test
    void unknownUriOptionIsNamed() {
        assertThatThrownBy(() -> new HakeConnectionFactory(backend.hakeUri("colour=blue")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colour'");
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        Connection c = connection();
        assertThatThrownBy(() -> c.createSession(false, 42)).isInstanceOf(JMSException.class)
                .hasMessageContaining("invalid acknowledge mode 42");
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> session.createQueue("")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createProducer(null).send(null, session.createMessage()))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createProducer(session.createQueue("q")).setPriority(10))
                .isInstanceOf(JMSException.class).hasMessageContaining("priority 10");
    }
}
