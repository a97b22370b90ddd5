package dev.hake.faults;

import dev.hake.embedded.junit.HakeTestBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;

/**
 * A queue between a transacted producer (a commit every ten sends) and a transacted consumer (a
 * commit every few receives, in a receive(timeout) loop).
 */
class TransactedQueueIT extends FaultScenario {

    private ReceiveLoop loop;

    TransactedQueueIT(HakeTestBackend backend) {
        super(backend);
    }

    @Override
    String name() {
        return "transacted-queue";
    }

    @Override
    Sender start(FaultCase c) throws JMSException {
        Ledger ledger = c.ledger(List.of("queue"));
        Connection connection = c.connection();
        Session producerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = producerSession.createQueue("work");
        var producer = producerSession.createProducer(queue);
        Session consumerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
        var consumer = consumerSession.createConsumer(queue);
        connection.start();
        loop = new ReceiveLoop("transacted-consumer-" + c.fault, consumer,
                new TransactedHandler(consumerSession, "queue", ledger, c.exceptions), c.exceptions);
        return new TransactedSender(producerSession, producer, ledger, c.exceptions);
    }

    @Override
    void stop(FaultCase c) {
        if (loop != null) {
            loop.close();
        }
    }
}
