package dev.hake.samples;

import dev.hake.embedded.EmbeddedHake;
import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.Arrays;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * hake in one minute, on the in-JVM embedded backend: a topic fans out to two durable
 * subscribers, one of which is offline while the messages are published, a queue round trip, and
 * a 5 MiB document, beyond SQS's limit, that travels with its body in S3.
 * Plain Jakarta Messaging code: only the ConnectionFactory line knows about hake.
 */
public final class Demo {

    private static final long WAIT_MILLIS = 10_000;

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        ConnectionFactory factory = new HakeConnectionFactory("hake:embedded?prefix=demo-");
        System.out.println("hake demo on the embedded SNS+SQS+S3 backend (no AWS account, no Docker)\n");

        topicFanOut(factory);
        queueRoundTrip(factory);
        largeDocument();

        System.out.printf("%ndone in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    private static void topicFanOut(ConnectionFactory factory) throws JMSException {
        System.out.println("1. Topic 'orders' (an SNS topic) with durable subscriptions 'billing' and 'shipping'");
        System.out.println("   (each is an SQS queue subscribed to the topic)");

        // Shipping subscribes, then goes offline.
        try (Connection shippingOffline = connect(factory, "shipping-service")) {
            Session s = shippingOffline.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createDurableSubscriber(s.createTopic("orders"), "shipping").close();
        }
        System.out.println("   shipping subscribed and went offline");

        try (Connection billing = connect(factory, "billing-service");
             Connection publisher = factory.createConnection()) {
            Session bs = billing.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic orders = bs.createTopic("orders");
            MessageConsumer billingSubscriber = bs.createDurableSubscriber(orders, "billing");
            billing.start();

            Session ps = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = ps.createProducer(orders);
            for (int i = 1; i <= 3; i++) {
                TextMessage order = ps.createTextMessage("order #" + i);
                order.setIntProperty("amount", i * 100);
                producer.send(order);
            }
            System.out.println("   published 3 orders");

            receive("billing ", billingSubscriber, 3);
            billingSubscriber.close();
            bs.unsubscribe("billing");
        }

        try (Connection shippingBack = connect(factory, "shipping-service")) {
            shippingBack.start();
            Session s = shippingBack.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer shipping = s.createDurableSubscriber(s.createTopic("orders"), "shipping");
            System.out.println("   shipping is back online");
            receive("shipping", shipping, 3);
            shipping.close();
            s.unsubscribe("shipping");
        }
    }

    private static void queueRoundTrip(ConnectionFactory factory) throws JMSException {
        System.out.println("\n2. Queue 'jobs' (an SQS queue): request and reply");
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue jobs = session.createQueue("jobs");
            Queue replies = session.createQueue("job-replies");
            MessageConsumer worker = session.createConsumer(jobs);
            MessageConsumer client = session.createConsumer(replies);

            TextMessage job = session.createTextMessage("resize image 42");
            job.setJMSReplyTo(replies);
            job.setJMSCorrelationID("job-42");
            session.createProducer(jobs).send(job);
            System.out.println("   client sent:   " + job.getText());

            TextMessage received = (TextMessage) worker.receive(WAIT_MILLIS);
            System.out.println("   worker got:    " + received.getText() + " (reply to " + received.getJMSReplyTo() + ")");
            TextMessage reply = session.createTextMessage("done: " + received.getText());
            reply.setJMSCorrelationID(received.getJMSCorrelationID());
            session.createProducer(received.getJMSReplyTo()).send(reply);

            TextMessage answer = (TextMessage) client.receive(WAIT_MILLIS);
            System.out.println("   client got:    " + answer.getText() + " [correlation " + answer.getJMSCorrelationID() + "]");
        }
    }

    private static void largeDocument() throws JMSException, InterruptedException {
        System.out.println("\n3. Queue 'scans': a 5 MiB document, beyond SQS's 1 MiB, with its body in S3");
        // The bucket is the application's (on AWS, made by its infrastructure code); here the
        // embedded backend's S3 holds it.
        try (S3Client s3 = S3Client.builder().endpointOverride(EmbeddedHake.sharedEndpoint())
                .region(Region.US_EAST_1).forcePathStyle(true).httpClient(Apache5HttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .build()) {
            s3.createBucket(r -> r.bucket("demo-scans"));
            ConnectionFactory factory = new HakeConnectionFactory("hake:embedded?prefix=demo-&largeMessageBucket=demo-scans");
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue scans = session.createQueue("scans");
                MessageConsumer archive = session.createConsumer(scans);
                byte[] scan = new byte[5 * 1024 * 1024];
                new Random(5).nextBytes(scan);
                BytesMessage document = session.createBytesMessage();
                document.writeBytes(scan);
                document.setStringProperty("fileName", "contract-2026-12.pdf");
                session.createProducer(scans).send(document);
                System.out.println("   sent:     contract-2026-12.pdf, " + scan.length + " bytes; objects in S3 now: "
                        + objects(s3));

                BytesMessage received = (BytesMessage) archive.receive(WAIT_MILLIS);
                if (received == null) {
                    throw new IllegalStateException("the archive received nothing within " + WAIT_MILLIS + " ms");
                }
                byte[] body = new byte[(int) received.getBodyLength()];
                received.readBytes(body);
                System.out.println("   archive:  " + received.getStringProperty("fileName") + ", " + body.length
                        + " bytes, " + (Arrays.equals(body, scan) ? "identical" : "DIFFERENT") + " to what was sent");
            }
            // Acknowledged: once SQS has deleted the message, its body goes from S3 too.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (objects(s3) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.out.println("   acknowledged; objects in S3 now: " + objects(s3));
        }
    }

    private static int objects(S3Client s3) {
        return s3.listObjectsV2(r -> r.bucket("demo-scans")).keyCount();
    }

    private static Connection connect(ConnectionFactory factory, String clientId) throws JMSException {
        Connection c = factory.createConnection();
        c.setClientID(clientId);
        return c;
    }

    private static void receive(String who, MessageConsumer consumer, int count) throws JMSException {
        for (int i = 0; i < count; i++) {
            TextMessage m = (TextMessage) consumer.receive(WAIT_MILLIS);
            if (m == null) {
                throw new IllegalStateException(who.trim() + " received nothing within " + WAIT_MILLIS + " ms");
            }
            System.out.println("   " + who + " got: " + m.getText() + " (amount " + m.getIntProperty("amount") + ")");
        }
    }
}
