package dev.hake.faults;

import dev.hake.embedded.junit.HakeTestBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;

/** A queue with two AUTO_ACKNOWLEDGE MessageListeners on sessions of their own, and a producer that sends one by one. */
class QueueListenersIT extends FaultScenario {

    QueueListenersIT(HakeTestBackend backend) {
        super(backend);
    }

    @Override
    String name() {
        return "queue-listeners";
    }

    @Override
    Sender start(FaultCase c) throws JMSException {
        Ledger ledger = c.ledger(List.of("queue"));
        Connection connection = c.connection();
        Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue("work");
        for (int i = 0; i < 2; i++) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(queue).setMessageListener(new RecordingListener("queue", ledger, c.exceptions));
        }
        var producer = producerSession.createProducer(queue);
        connection.start();
        return new PlainSender(producerSession, producer, ledger, c.exceptions);
    }

    @Override
    void stop(FaultCase c) {
        // the listeners stop with the connection
    }
}
