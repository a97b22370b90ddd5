package dev.hake.samples.ee;

import dev.hake.embedded.EmbeddedHake;
import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A message-driven bean on an SQS queue, in a real application server: hake's resource adapter
 * ({@code hake-ra.rar}) and the sample application ({@code hake-shop.war}, module ee-sample) on
 * Payara Micro, which runs as a process of its own; the embedded backend serves SNS and SQS on
 * 127.0.0.1 in this JVM, where the server reaches it over HTTP as it would reach AWS.
 *
 * <p>This program sends five orders to the queue {@code orders} before the server is even up
 * (they wait in SQS), starts the server, and prints the confirmations the bean sends back. The
 * Maven demo profile copies Payara Micro, the adapter and the application next to each other and
 * names them in the system properties {@code hake.demo.payaraMicro}, {@code hake.demo.adapter},
 * {@code hake.demo.application} and {@code hake.demo.directory}.
 */
public final class MessageDrivenBeanDemo {

    private static final int ORDERS = 5;
    /** Payara Micro starts and deploys in 15 to 30 s on a laptop; this bounds a stuck start. */
    private static final long CONFIRMATIONS_WITHIN_MILLIS = 180_000;
    /** Any well-formed key does for the embedded backend; on AWS the adapter takes the SDK's credentials. */
    private static final String DUMMY_ACCESS_KEY_ID = "hakedemokeyid";
    private static final String DUMMY_SECRET_ACCESS_KEY = "hakedemosecret";

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        System.out.println("hake: a message-driven bean in Payara Micro, on the embedded SNS+SQS backend\n");
        int exitCode;
        try (EmbeddedHake backend = EmbeddedHake.builder().build().start()) {
            exitCode = run(backend) ? 0 : 1;
        }
        System.out.printf("%ndone in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(exitCode);
    }

    private static boolean run(EmbeddedHake backend) throws Exception {
        Map<String, String> settings = Map.of("endpoint", backend.endpoint().toString(), "region", backend.region(),
                "prefix", "shop-", "accessKeyId", DUMMY_ACCESS_KEY_ID, "secretAccessKey", DUMMY_SECRET_ACCESS_KEY);
        HakeConnectionFactory factory = new HakeConnectionFactory();
        factory.setEndpoint(settings.get("endpoint"));
        factory.setRegion(settings.get("region"));
        factory.setPrefix(settings.get("prefix"));
        factory.setAccessKeyId(settings.get("accessKeyId"));
        factory.setSecretAccessKey(settings.get("secretAccessKey"));

        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue orders = session.createQueue("orders");
            Queue confirmations = session.createQueue("confirmations");
            sendOrders(session, orders, confirmations);

            System.out.println("2. Payara Micro starts with hake-ra.rar and hake-shop.war (OrderConfirmationBean)");
            PayaraMicroProcess server = PayaraMicroProcess.start(file("hake.demo.payaraMicro"),
                    file("hake.demo.adapter"), file("hake.demo.application"), adapterSettings(settings),
                    Path.of(property("hake.demo.directory")));
            boolean confirmed;
            try (server) {
                System.out.println("   its log: " + server.log());
                connection.start();
                confirmed = printConfirmations(session.createConsumer(confirmations), server);
                System.out.println("\n3. Payara Micro stops (SIGTERM): the adapter finishes its deliveries and gives"
                        + " back what it holds");
            }
            return confirmed;
        }
    }

    private static void sendOrders(Session session, Queue orders, Queue confirmations) throws JMSException {
        System.out.println("1. " + ORDERS + " orders sent to the queue 'orders' (SQS queue shop-orders);"
                + " no server is running yet, so they wait there");
        try (MessageProducer producer = session.createProducer(orders)) {
            for (int n = 1; n <= ORDERS; n++) {
                TextMessage order = session.createTextMessage("order #" + n);
                order.setJMSReplyTo(confirmations);
                producer.send(order);
            }
        }
    }

    /** Receives the confirmations as the bean sends them; false if they do not all come in time. */
    private static boolean printConfirmations(MessageConsumer confirmations, PayaraMicroProcess server)
            throws JMSException {
        long started = System.nanoTime();
        long deadline = started + CONFIRMATIONS_WITHIN_MILLIS * 1_000_000;
        int received = 0;
        while (received < ORDERS && server.isRunning() && System.nanoTime() < deadline) {
            TextMessage confirmation = (TextMessage) confirmations.receive(1_000);
            if (confirmation != null) {
                if (received == 0) {
                    System.out.printf("   the bean is deployed and takes the orders, %.1f s after the server started:%n",
                            (System.nanoTime() - started) / 1e9);
                }
                received++;
                System.out.println("   " + confirmation.getText());
            }
        }
        if (received < ORDERS) {
            System.out.println("   only " + received + " of " + ORDERS + " confirmations came"
                    + (server.isRunning() ? " within " + CONFIRMATIONS_WITHIN_MILLIS / 1000 + " s" : "; the server exited")
                    + ". The end of its log:\n" + server.logTail(40));
            return false;
        }
        return true;
    }

    /**
     * The adapter's configuration as an asadmin command: hake's settings as its properties. A
     * colon separates properties, so colons in values are escaped.
     */
    private static String adapterSettings(Map<String, String> settings) {
        StringJoiner properties = new StringJoiner(":");
        settings.forEach((key, value) -> properties.add(key + "=" + value.replace(":", "\\:")));
        return "create-resource-adapter-config --property " + properties + " hake-ra";
    }

    private static Path file(String property) {
        Path path = Path.of(property(property));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " names " + path + ", which is not a file; run the demo"
                    + " through Maven (see samples/README.md), which puts it there");
        }
        return path;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the system property " + name + " is not set; run the demo through"
                    + " Maven (see samples/README.md), which sets it");
        }
        return value;
    }
}
