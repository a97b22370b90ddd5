package dev.hake.faults;

import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The consumer {@link KilledConsumerIT} runs in a JVM of its own and kills: it receives with
 * CLIENT_ACKNOWLEDGE, acknowledges the first messages, receives more without acknowledging them,
 * says on stdout which ones it acknowledged ({@code ACKED key}) and which it holds ({@code HELD
 * key}), prints {@code READY}, and waits to be killed. The hake URI comes in the environment
 * variable {@code HAKE_URI}, so that no credentials appear on a command line.
 *
 * <p>Arguments: queue name, how many to acknowledge, how many to hold.
 */
public final class HoldingConsumer {

    /** A child the test forgot is gone after this long, whatever happens. */
    private static final long LIFETIME_MILLIS = 120_000;
    private static final long RECEIVE_MILLIS = 10_000;

    private HoldingConsumer() {
    }

    public static void main(String[] args) throws JMSException, IOException {
        startLifetimeLimit();
        String queueName = args[0];
        int toAcknowledge = Integer.parseInt(args[1]);
        int toHold = Integer.parseInt(args[2]);
        Connection connection = new HakeConnectionFactory(System.getenv("HAKE_URI")).createConnection();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        connection.start();

        List<String> acknowledged = new ArrayList<>();
        Message last = null;
        while (acknowledged.size() < toAcknowledge) {
            last = receive(consumer);
            acknowledged.add(Messages.keyOf(last));
        }
        last.acknowledge(); // CLIENT_ACKNOWLEDGE: everything the session consumed so far
        acknowledged.forEach(key -> System.out.println("ACKED " + key));

        for (int i = 0; i < toHold; i++) {
            System.out.println("HELD " + Messages.keyOf(receive(consumer)));
        }
        System.out.println("READY");
        System.out.flush();
        // Hold everything until killed (or until the test closes our stdin).
        while (System.in.read() >= 0) {
            // nothing to read
        }
        System.exit(2);
    }

    private static Message receive(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(RECEIVE_MILLIS);
        if (m == null) {
            System.out.println("ERROR no message within " + RECEIVE_MILLIS + " ms");
            System.out.flush();
            System.exit(1);
        }
        return m;
    }

    private static void startLifetimeLimit() {
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(LIFETIME_MILLIS); // a deadline, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            }
            System.exit(3);
        }, "lifetime-limit");
        limit.setDaemon(true);
        limit.start();
    }
}
