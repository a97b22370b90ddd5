package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hake.testing.TestBucket;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionRolledBackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages beyond what SQS (1 MiB) and SNS (256 KiB) carry travel with their body in S3, and
 * arrive as they were sent: every message type, with its headers and properties, through queues
 * and topics, in transactions or not. What is in S3 goes when it is no longer needed, and only then.
 */
class LargeMessageIT extends JmsIntegrationTest {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;
    /** The sizes the issue names: below SNS's limit, just over it, just under and over SQS's, and far over. */
    private static final int[] SIZES = {255 * KIB, 256 * KIB + 1, MIB - 1, MIB + 1, 10 * MIB};
    private static final String[] TYPES = {"text", "bytes", "map", "stream", "object"};
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private TestBucket bucket;
    private final Random random = new Random(16);

    @BeforeEach
    void createBucket() {
        bucket = new TestBucket(backend.endpoint(), backend.region(), backend.accessKeyId(), backend.secretAccessKey(),
                prefix + "bodies");
    }

    @AfterEach
    void deleteBucket() {
        bucket.close();
    }

    private HakeConnectionFactory largeMessages(String extraOptions) {
        return factory("largeMessageBucket=" + bucket.name() + (extraOptions.isEmpty() ? "" : "&" + extraOptions));
    }

    @Test
    void everyTypeAtEverySizeTravelsThroughAQueue() throws Exception {
        Connection connection = track(largeMessages("").createConnection());
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("documents");
        MessageConsumer consumer = session.createConsumer(queue);

        Map<String, Message> sent = sendEveryTypeAtEverySize(session, queue);

        assertReceivedAsSent(consumer, sent);
        // Acknowledged: no body is left in S3.
        await().atMost(WITHIN).until(() -> bucket.keys().isEmpty());
    }

    @Test
    void everyTypeAtEverySizeReachesBothSubscriptionsOfATopic() throws Exception {
        Connection connection = track(largeMessages("").createConnection());
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("reports");
        MessageConsumer archive = session.createSharedDurableConsumer(topic, "archive");
        MessageConsumer printer = session.createSharedDurableConsumer(topic, "printer");

        Map<String, Message> sent = sendEveryTypeAtEverySize(session, topic);
        int stored = bucket.keys().size();

        assertReceivedAsSent(archive, sent);
        assertReceivedAsSent(printer, sent);
        connection.close(); // waits for every acknowledgement and what follows it
        // A topic's objects are kept: every subscription reads them, and an S3 lifecycle rule expires them.
        assertThat(stored).isGreaterThanOrEqualTo(sent.size() - TYPES.length);
        assertThat(bucket.keys()).hasSize(stored);
    }

    @Test
    void aTransactionSendsAndReceivesLargeMessagesAndARollbackKeepsTheirBodies() throws Exception {
        Connection connection = track(largeMessages("").createConnection());
        connection.start();
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("batches");
        MessageProducer producer = transacted.createProducer(queue);
        MessageConsumer consumer = transacted.createConsumer(queue);
        Map<String, Message> sent = new HashMap<>();
        for (String type : TYPES) {
            Message m = message(transacted, type, 2 * MIB);
            m.setStringProperty("case", type);
            producer.send(m);
            sent.put(type, m);
        }
        assertThat(bucket.keys()).as("nothing is stored before commit").isEmpty();
        transacted.commit();
        assertThat(bucket.keys()).hasSize(TYPES.length);

        List<Message> first = receiveAll(consumer, TYPES.length);
        transacted.rollback();
        assertThat(bucket.keys()).as("a rollback keeps the bodies for the redelivery").hasSize(TYPES.length);
        List<Message> again = receiveAll(consumer, TYPES.length);
        transacted.commit();

        assertThat(first).hasSize(TYPES.length);
        for (Message m : again) {
            assertThat(m.getJMSRedelivered()).isTrue();
            assertSameMessage(m, sent.get(m.getStringProperty("case")));
        }
        await().atMost(WITHIN).until(() -> bucket.keys().isEmpty());
    }

    @Test
    void aQueueMessagesObjectGoesOnAcknowledgementUnlessTheSettingKeepsIt() throws Exception {
        Connection deleting = track(largeMessages("").createConnection());
        Connection keeping = track(largeMessages("largeMessageDeleteOnAcknowledge=false").createConnection());
        deleting.start();
        keeping.start();
        Session deletingSession = deleting.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Session keepingSession = keeping.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue deleted = deletingSession.createQueue("deleted");
        Queue kept = keepingSession.createQueue("kept");

        deletingSession.createProducer(deleted).send(message(deletingSession, "bytes", 2 * MIB));
        Message received = deletingSession.createConsumer(deleted).receive(10_000);
        assertThat(bucket.keys()).as("the body stays until the message is acknowledged").hasSize(1);
        received.acknowledge();
        await().atMost(WITHIN).until(() -> bucket.keys().isEmpty());

        keepingSession.createProducer(kept).send(message(keepingSession, "bytes", 2 * MIB));
        keepingSession.createConsumer(kept).receive(10_000).acknowledge();
        keeping.close();
        assertThat(bucket.keys()).hasSize(1);
    }

    @Test
    void aThresholdOrAlwaysSendsSmallerBodiesThroughS3() throws Exception {
        Connection connection = track(largeMessages("largeMessageThreshold=10000").createConnection());
        Connection always = track(largeMessages("largeMessageAlwaysThroughS3=true").createConnection());
        connection.start();
        always.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session alwaysSession = always.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("thresholds");

        session.createProducer(queue).send(session.createTextMessage("small"));
        session.createProducer(queue).send(session.createTextMessage("y".repeat(20_000)));
        assertThat(bucket.keys()).hasSize(1);
        alwaysSession.createProducer(queue).send(alwaysSession.createTextMessage("tiny"));
        assertThat(bucket.keys()).hasSize(2);

        MessageConsumer consumer = session.createConsumer(queue);
        List<String> texts = new ArrayList<>();
        for (Message m : receiveAll(consumer, 3)) {
            texts.add(((TextMessage) m).getText());
        }
        assertThat(texts).containsExactlyInAnyOrder("small", "y".repeat(20_000), "tiny");
    }

    @Test
    void aMissingBodyIsReportedAndLeftToTheDeadLetterQueueWhileTheNextMessagesFlow() throws Exception {
        Connection connection = track(largeMessages("maxDeliveries=1&visibilityTimeoutSeconds=1").createConnection());
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("lost");
        MessageProducer producer = session.createProducer(queue);
        producer.send(message(session, "text", 2 * MIB));
        bucket.keys().forEach(bucket::delete);
        producer.send(session.createTextMessage("next"));
        producer.send(message(session, "text", 2 * MIB));

        MessageConsumer consumer = session.createConsumer(queue);
        List<Message> delivered = receiveAll(consumer, 2);
        assertThat(delivered).hasSize(2);
        assertThat(consumer.receive(3_000)).as("the message whose body is gone is not delivered").isNull();

        // Its pointer waits in the dead-letter queue, as SQS's redrive policy moved it.
        String deadLetters = aws.queueUrl(prefix + "lost-dlq");
        await().atMost(WITHIN).until(() -> !aws.sqs.receiveMessage(r -> r.queueUrl(deadLetters)
                .messageAttributeNames("All").waitTimeSeconds(1)).join().messages().isEmpty());
    }

    @Test
    void whenS3RefusesTheBodyNothingIsSent() throws Exception {
        HakeConnectionFactory noBucket = factory("largeMessageBucket=" + prefix + "missing");
        Connection connection = track(noBucket.createConnection());
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("refused");
        MessageConsumer consumer = session.createConsumer(queue);

        assertThatThrownBy(() -> session.createProducer(queue).send(message(session, "bytes", 2 * MIB)))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("could not be stored in S3, so the message was not sent")
                .hasMessageContaining("NoSuchBucket");

        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer inTransaction = transacted.createProducer(queue);
        inTransaction.send(transacted.createTextMessage("small, in the same transaction"));
        inTransaction.send(message(transacted, "text", 2 * MIB));
        assertThatThrownBy(transacted::commit).isInstanceOf(TransactionRolledBackException.class)
                .hasMessageContaining("NoSuchBucket");

        assertThat(consumer.receive(2_000)).isNull();
    }

    @Test
    void aLargeMessageCostsOneRequestOfEachKindOnAQueueAndOneReadPerSubscriptionOnATopic() throws Exception {
        Connection connection = track(largeMessages("").createConnection());
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("counted");
        Topic topic = session.createTopic("counted-topic");
        MessageConsumer fromQueue = session.createConsumer(queue);
        MessageConsumer first = session.createSharedDurableConsumer(topic, "first");
        MessageConsumer second = session.createSharedDurableConsumer(topic, "second");
        String[] operations = {"PutObject", "SendMessage", "Publish", "GetObject", "DeleteMessage", "DeleteMessageBatch",
                "DeleteObject", "ReceiveMessage"};

        Map<String, Long> before = counts(operations);
        session.createProducer(queue).send(message(session, "bytes", 2 * MIB));
        assertThat(fromQueue.receive(10_000)).isNotNull();
        await().atMost(WITHIN).until(() -> bucket.keys().isEmpty());
        Map<String, Long> queueCost = since(before, operations);

        before = counts(operations);
        session.createProducer(topic).send(message(session, "bytes", 2 * MIB));
        assertThat(first.receive(10_000)).isNotNull();
        assertThat(second.receive(10_000)).isNotNull();
        connection.close();
        Map<String, Long> topicCost = since(before, operations);

        System.out.printf("a 2 MiB BytesMessage through a queue: %s; through a topic to 2 subscriptions: %s%n",
                queueCost, topicCost);
        assertThat(queueCost).containsEntry("PutObject", 1L).containsEntry("SendMessage", 1L)
                .containsEntry("GetObject", 1L).containsEntry("DeleteObject", 1L);
        assertThat(queueCost.get("DeleteMessage") + queueCost.get("DeleteMessageBatch")).isEqualTo(1L);
        assertThat(topicCost).containsEntry("PutObject", 1L).containsEntry("Publish", 1L)
                .containsEntry("GetObject", 2L).containsEntry("DeleteObject", 0L);
        assertThat(topicCost.get("DeleteMessage") + topicCost.get("DeleteMessageBatch")).isEqualTo(2L);
    }

    private static Map<String, Long> counts(String... operations) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String operation : operations) {
            counts.put(operation, RequestCounter.count(operation));
        }
        return counts;
    }

    private static Map<String, Long> since(Map<String, Long> before, String... operations) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String operation : operations) {
            counts.put(operation, RequestCounter.count(operation) - before.get(operation));
        }
        return counts;
    }

    @Test
    void withoutABucketATooLargeMessageIsRefusedNamingTheSetting() throws Exception {
        Session session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("no-bucket");

        assertThatThrownBy(() -> session.createProducer(queue).send(message(session, "text", MIB + 1)))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("1048576").hasMessageContaining("largeMessageBucket")
                .hasMessageContaining("nothing was sent");
    }

    /** Sends one message of every type at every size, each with headers and a full set of properties. */
    private Map<String, Message> sendEveryTypeAtEverySize(Session session, Destination to) throws JMSException {
        MessageProducer producer = session.createProducer(to);
        Map<String, Message> sent = new HashMap<>();
        for (int size : SIZES) {
            for (String type : TYPES) {
                Message m = message(session, type, size);
                String name = type + "@" + size;
                m.setStringProperty("case", name);
                m.setJMSCorrelationID("corr-" + name);
                m.setJMSType("document");
                // Nine properties: with hake's own attribute, every attribute slot SQS allows; a body
                // in S3 needs one of them for its size.
                for (int i = 0; i < 8; i++) {
                    m.setIntProperty("p" + i, i * size);
                }
                producer.send(m, jakarta.jms.DeliveryMode.PERSISTENT, 6, 0);
                sent.put(name, m);
            }
        }
        return sent;
    }

    private void assertReceivedAsSent(MessageConsumer consumer, Map<String, Message> sent) throws JMSException {
        List<Message> received = receiveAll(consumer, sent.size());
        assertThat(received).hasSize(sent.size());
        for (Message m : received) {
            Message original = sent.get(m.getStringProperty("case"));
            assertThat(original).as("a message that was sent: %s", m.getStringProperty("case")).isNotNull();
            assertSameMessage(m, original);
        }
    }

    private static List<Message> receiveAll(MessageConsumer consumer, int count) throws JMSException {
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = consumer.receive(30_000);
            if (m == null) {
                break;
            }
            received.add(m);
        }
        return received;
    }

    private static void assertSameMessage(Message received, Message sent) throws JMSException {
        String name = sent.getStringProperty("case");
        assertThat(received.getJMSMessageID()).as(name).isEqualTo(sent.getJMSMessageID());
        assertThat(received.getJMSCorrelationID()).as(name).isEqualTo(sent.getJMSCorrelationID());
        assertThat(received.getJMSType()).as(name).isEqualTo(sent.getJMSType());
        assertThat(received.getJMSPriority()).as(name).isEqualTo(sent.getJMSPriority());
        assertThat(received.propertyExists("ExtendedPayloadSize")).as(name).isFalse();
        for (String property : java.util.Collections.list((java.util.Enumeration<?>) sent.getPropertyNames())
                .stream().map(Object::toString).toList()) {
            if (!property.startsWith("JMSX")) {
                assertThat(received.getObjectProperty(property)).as(name + " " + property)
                        .isEqualTo(sent.getObjectProperty(property));
            }
        }
        if (sent instanceof TextMessage t) {
            assertThat(((TextMessage) received).getText()).as(name).isEqualTo(t.getText());
        } else if (sent instanceof BytesMessage b) {
            BytesMessage r = (BytesMessage) received;
            b.reset();
            byte[] expected = new byte[(int) b.getBodyLength()];
            b.readBytes(expected);
            assertThat(r.getBodyLength()).as(name).isEqualTo(expected.length);
            byte[] actual = new byte[(int) r.getBodyLength()];
            r.readBytes(actual);
            assertThat(Arrays.equals(actual, expected)).as(name + " body").isTrue();
        } else if (sent instanceof MapMessage map) {
            MapMessage r = (MapMessage) received;
            assertThat(Arrays.equals(r.getBytes("data"), map.getBytes("data"))).as(name + " data").isTrue();
            assertThat(r.getString("title")).isEqualTo(map.getString("title"));
            assertThat(r.getLong("pages")).isEqualTo(map.getLong("pages"));
        } else if (sent instanceof StreamMessage stream) {
            StreamMessage r = (StreamMessage) received;
            stream.reset();
            assertThat(r.readString()).isEqualTo(stream.readString());
            assertThat(Arrays.equals((byte[]) r.readObject(), (byte[]) stream.readObject())).as(name).isTrue();
            assertThat(r.readDouble()).isEqualTo(stream.readDouble());
        } else {
            assertThat(((ObjectMessage) received).getObject()).as(name).isEqualTo(((ObjectMessage) sent).getObject());
        }
    }

    /** A message of {@code type} whose body holds about {@code size} bytes of data. */
    private Message message(Session session, String type, int size) throws JMSException {
        byte[] data = new byte[size];
        random.nextBytes(data);
        switch (type) {
            case "text" -> {
                char[] text = new char[size];
                for (int i = 0; i < size; i++) {
                    text[i] = (char) ('a' + random.nextInt(26));
                }
                return session.createTextMessage(new String(text));
            }
            case "bytes" -> {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(data);
                return m;
            }
            case "map" -> {
                MapMessage m = session.createMapMessage();
                m.setString("title", "annual report");
                m.setBytes("data", data);
                m.setLong("pages", size / 4_000L);
                return m;
            }
            case "stream" -> {
                StreamMessage m = session.createStreamMessage();
                m.writeString("scan");
                m.writeBytes(data);
                m.writeDouble(0.75);
                return m;
            }
            case "object" -> {
                return session.createObjectMessage(new ArrayList<>(List.of("x".repeat(size), size)));
            }
            default -> throw new IllegalArgumentException(type);
        }
    }
}
