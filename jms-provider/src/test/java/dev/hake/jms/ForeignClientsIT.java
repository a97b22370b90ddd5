package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Interoperability with clients that know nothing of JMS: plain SQS and SNS messages. */
class ForeignClientsIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void plainSqsMessageArrivesAsTextMessage() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("from-lambda");
        MessageConsumer consumer = session.createConsumer(queue);
        String url = aws.sqs.getQueueUrl(r -> r.queueName(prefix + "from-lambda")).join().queueUrl();
        aws.sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"order\":42}").messageAttributes(Map.of(
                "source", MessageAttributeValue.builder().dataType("String").stringValue("lambda").build(),
                "attempt", MessageAttributeValue.builder().dataType("Number").stringValue("3").build()))).join();

        TextMessage m = (TextMessage) consumer.receive(WAIT);
        assertThat(m.getText()).isEqualTo("{\"order\":42}");
        assertThat(m.getStringProperty("source")).isEqualTo("lambda");
        assertThat(m.getLongProperty("attempt")).isEqualTo(3L);
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(m.getJMSDestination()).isEqualTo(queue);
    }

    @Test
    void plainSnsPublishArrivesAsTextMessage() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("from-console");
        MessageConsumer consumer = session.createConsumer(topic);
        String arn = aws.topicArns(prefix + "from-console").get(0);
        aws.sns.publish(r -> r.topicArn(arn).message("hello from SNS")).join();

        TextMessage m = (TextMessage) consumer.receive(WAIT);
        assertThat(m.getText()).isEqualTo("hello from SNS");
    }

    @Test
    void aMessageWithHakeAttributesThatCannotBeReadArrivesAsTextAndBlocksNothing() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("hand-made");
        MessageConsumer consumer = session.createConsumer(queue);
        String url = aws.sqs.getQueueUrl(r -> r.queueName(prefix + "hand-made")).join().queueUrl();
        aws.sqs.sendMessage(r -> r.queueUrl(url).messageBody("not base64!").messageAttributes(Map.of(
                "hake", MessageAttributeValue.builder().dataType("String").stringValue("1;b=B").build(),
                "tenant", MessageAttributeValue.builder().dataType("String").stringValue("acme").build()))).join();
        session.createProducer(queue).send(session.createTextMessage("next"));

        Map<String, TextMessage> received = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            TextMessage m = (TextMessage) consumer.receive(WAIT);
            received.put(m.getText(), m);
        }

        assertThat(received).containsOnlyKeys("not base64!", "next");
        TextMessage poison = received.get("not base64!");
        assertThat(poison.getStringProperty("JMS_HakeUnreadable")).contains("not base64");
        assertThat(poison.getStringProperty("tenant")).isEqualTo("acme");
        assertThat(consumer.receive(1_000)).as("the unreadable message was acknowledged like any other").isNull();
    }

    @Test
    void textMessageIsItsPlainTextOnTheWire() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("to-go-service");
        session.createProducer(queue).send(session.createTextMessage("plain <text> & more"));

        String url = aws.sqs.getQueueUrl(r -> r.queueName(prefix + "to-go-service")).join().queueUrl();
        Message raw = aws.sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)).join().messages().get(0);
        assertThat(raw.body()).isEqualTo("plain <text> & more");
        aws.sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(raw.receiptHandle())).join();
    }
}
