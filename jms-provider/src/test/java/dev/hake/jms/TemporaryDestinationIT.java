package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;

/** Temporary queues and topics: request/reply, ownership, deletion, orphan sweeping. */
class TemporaryDestinationIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void requestReplyThroughATemporaryQueue() throws Exception {
        Connection requester = startedConnection();
        Connection server = startedConnection();
        Session rs = requester.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session ss = server.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue requests = rs.createQueue("requests");
        TemporaryQueue replies = rs.createTemporaryQueue();
        MessageConsumer replyConsumer = rs.createConsumer(replies);
        MessageConsumer worker = ss.createConsumer(requests);

        TextMessage request = rs.createTextMessage("ping");
        request.setJMSReplyTo(replies);
        rs.createProducer(requests).send(request);

        Message got = worker.receive(WAIT);
        assertThat(got.getJMSReplyTo()).isInstanceOf(TemporaryQueue.class).isEqualTo(replies);
        TextMessage reply = ss.createTextMessage("pong");
        reply.setJMSCorrelationID(got.getJMSMessageID());
        ss.createProducer(got.getJMSReplyTo()).send(reply);

        TextMessage answer = (TextMessage) replyConsumer.receive(WAIT);
        assertThat(answer.getText()).isEqualTo("pong");
        assertThat(answer.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        assertThat(answer.getJMSDestination()).isEqualTo(replies);

        // Only the creating connection may consume from it.
        TemporaryQueue received = (TemporaryQueue) got.getJMSReplyTo();
        assertThatThrownBy(() -> ss.createConsumer(received)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(received::delete).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void temporaryTopicFansOutAndDisappearsWithItsConnection() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic topic = session.createTemporaryTopic();
        MessageConsumer a = session.createConsumer(topic);
        MessageConsumer b = session.createConsumer(topic);
        session.createProducer(topic).send(session.createTextMessage("to both"));
        assertThat(((TextMessage) a.receive(WAIT)).getText()).isEqualTo("to both");
        assertThat(((TextMessage) b.receive(WAIT)).getText()).isEqualTo("to both");
        assertThat(aws.topicArns(prefix + "tmp-")).hasSize(1);

        c.close();

        assertThat(aws.topicArns(prefix + "tmp-")).isEmpty();
    }

    @Test
    void deleteWithAnOpenConsumerIsAnErrorAndDeletedOnesAreGone() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue queue = session.createTemporaryQueue();
        assertThat(aws.queueUrls(prefix + "tmp-")).hasSize(1);
        MessageConsumer consumer = session.createConsumer(queue);
        assertThatThrownBy(queue::delete).isInstanceOf(JMSException.class).hasMessageContaining("consumer");

        consumer.close();
        queue.delete();

        assertThat(aws.queueUrls(prefix + "tmp-")).isEmpty();
        assertThatThrownBy(() -> session.createConsumer(queue)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createProducer(queue).send(session.createTextMessage("lost?")))
                .isInstanceOf(InvalidDestinationException.class);
        assertThat(aws.queueUrls(prefix + "tmp-")).as("a send never re-creates a temporary queue").isEmpty();
    }

    @Test
    void temporaryQueuesAreDeletedWhenTheirConnectionCloses() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createTemporaryQueue();
        session.createTemporaryQueue();
        assertThat(aws.queueUrls(prefix + "tmp-")).hasSize(2);
        c.close();
        assertThat(aws.queueUrls(prefix + "tmp-")).isEmpty();
    }

    @Test
    void sweeperRemovesOrphansAndSparesLiveOnes() throws Exception {
        long anHourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        aws.sqs.createQueue(CreateQueueRequest.builder().queueName(prefix + "tmp-crashed-1")
                .tags(Map.of("hake-kind", "temporary", "hake-connection", "crashed", "hake-alive",
                        Long.toString(anHourAgo))).build()).join();
        Connection c = connection();
        TemporaryQueue live = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();

        int deleted = factory.deleteOrphanedTemporaryDestinations(Duration.ofMinutes(30));

        assertThat(deleted).isEqualTo(1);
        assertThat(aws.queueUrls(prefix + "tmp-")).singleElement().asString().endsWith(live.getQueueName());
        assertThatThrownBy(() -> factory.deleteOrphanedTemporaryDestinations(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15 minutes");
    }
}
