package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazon.sqs.javamessaging.AmazonSQSExtendedClient;
import com.amazon.sqs.javamessaging.ExtendedClientConfiguration;
import dev.hake.testing.TestBucket;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.sns.AmazonSNSExtendedClient;
import software.amazon.sns.SNSExtendedClientConfiguration;

/**
 * hake's large messages and those of Amazon's SQS Extended Client 2.x and SNS Extended Client
 * 2.x are the same on the wire: each reads what the other wrote, body and attributes, and each
 * cleans up after the other on a queue.
 */
class ExtendedClientInteropIT extends JmsIntegrationTest {

    private static final String TWO_MIB_TEXT = "0123456789abcdef".repeat(2 * 1024 * 1024 / 16);
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private TestBucket bucket;
    private SqsClient sqs;
    private SnsClient sns;
    private AmazonSQSExtendedClient amazonSqs;
    private AmazonSNSExtendedClient amazonSns;

    @BeforeEach
    void amazonClients() {
        bucket = new TestBucket(backend.endpoint(), backend.region(), backend.accessKeyId(), backend.secretAccessKey(),
                prefix + "shared");
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(backend.accessKeyId(), backend.secretAccessKey()));
        sqs = SqsClient.builder().endpointOverride(backend.endpoint()).region(Region.of(backend.region()))
                .credentialsProvider(credentials).httpClient(Apache5HttpClient.create()).build();
        sns = SnsClient.builder().endpointOverride(backend.endpoint()).region(Region.of(backend.region()))
                .credentialsProvider(credentials).httpClient(Apache5HttpClient.create()).build();
        amazonSqs = new AmazonSQSExtendedClient(sqs,
                new ExtendedClientConfiguration().withPayloadSupportEnabled(bucket.s3, bucket.name()));
        amazonSns = new AmazonSNSExtendedClient(sns,
                new SNSExtendedClientConfiguration().withPayloadSupportEnabled(bucket.s3, bucket.name()));
    }

    @AfterEach
    void closeAmazonClients() {
        sqs.close();
        sns.close();
        bucket.close();
    }

    private Connection hake() throws Exception {
        Connection c = track(factory("largeMessageBucket=" + bucket.name()).createConnection());
        c.start();
        return c;
    }

    @Test
    void hakeReadsWhatTheSqsExtendedClientSent() throws Exception {
        Session session = hake().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("from-amazon");
        MessageConsumer consumer = session.createConsumer(queue);
        String url = aws.queueUrl(prefix + "from-amazon");

        amazonSqs.sendMessage(r -> r.queueUrl(url).messageBody(TWO_MIB_TEXT).messageAttributes(Map.of("customer",
                software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType("String")
                        .stringValue("c-7").build())));
        assertThat(bucket.keys()).hasSize(1);

        TextMessage received = (TextMessage) consumer.receive(10_000);
        assertThat(received.getText()).isEqualTo(TWO_MIB_TEXT);
        assertThat(received.getStringProperty("customer")).isEqualTo("c-7");
        // Amazon's client names the size attribute SQSLargePayloadSize by default: neither name is a property.
        assertThat(received.propertyExists("SQSLargePayloadSize")).isFalse();
        assertThat(received.propertyExists("ExtendedPayloadSize")).isFalse();
        await().atMost(WITHIN).until(() -> bucket.keys().isEmpty());
    }

    @Test
    void theSqsExtendedClientReadsWhatHakeSentAndDeletesItsObject() throws Exception {
        Session session = hake().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("to-amazon");
        TextMessage sent = session.createTextMessage(TWO_MIB_TEXT);
        sent.setStringProperty("customer", "c-8");
        session.createProducer(queue).send(sent);
        assertThat(bucket.keys()).hasSize(1);
        String url = aws.queueUrl(prefix + "to-amazon");

        List<Message> received = amazonSqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)
                .messageAttributeNames("All")).messages();

        assertThat(received).hasSize(1);
        Message m = received.get(0);
        assertThat(m.body()).isEqualTo(TWO_MIB_TEXT);
        assertThat(m.messageAttributes().get("customer").stringValue()).isEqualTo("c-8");
        amazonSqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
        assertThat(bucket.keys()).isEmpty();
    }

    @Test
    void hakeSubscribersReadWhatTheSnsExtendedClientPublished() throws Exception {
        Session session = hake().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("amazon-news");
        MessageConsumer first = session.createSharedDurableConsumer(topic, "first");
        MessageConsumer second = session.createSharedDurableConsumer(topic, "second");
        String arn = aws.topicArns(prefix + "amazon-news").get(0);

        amazonSns.publish(r -> r.topicArn(arn).message(TWO_MIB_TEXT).messageAttributes(Map.of("region",
                MessageAttributeValue.builder().dataType("String").stringValue("eu").build())));

        for (MessageConsumer consumer : List.of(first, second)) {
            TextMessage received = (TextMessage) consumer.receive(10_000);
            assertThat(received.getText()).isEqualTo(TWO_MIB_TEXT);
            assertThat(received.getStringProperty("region")).isEqualTo("eu");
        }
        assertThat(bucket.keys()).as("a topic's body is shared: kept").hasSize(1);
    }

    @Test
    void theSqsExtendedClientReadsWhatHakePublishedToATopic() throws Exception {
        Session session = hake().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("hake-news");
        session.createSharedDurableConsumer(topic, "reader").close(); // the subscription and its queue
        String subscriptionQueue = aws.queueUrls(prefix).stream().filter(url -> url.contains("reader"))
                .findFirst().orElseThrow();

        session.createProducer(topic).send(session.createTextMessage(TWO_MIB_TEXT));

        List<Message> received = amazonSqs.receiveMessage(r -> r.queueUrl(subscriptionQueue).waitTimeSeconds(10))
                .messages();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body()).isEqualTo(TWO_MIB_TEXT);
    }
}
