package dev.hake.faults;

import dev.hake.embedded.junit.HakeTestBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;

/**
 * A queue read by a CLIENT_ACKNOWLEDGE consumer that acknowledges message by message and now and
 * then calls session.recover() instead.
 */
class ClientAckRecoverIT extends FaultScenario {

    private ReceiveLoop loop;

    ClientAckRecoverIT(HakeTestBackend backend) {
        super(backend);
    }

    @Override
    String name() {
        return "client-ack-recover";
    }

    @Override
    Sender start(FaultCase c) throws JMSException {
        Ledger ledger = c.ledger(List.of("queue"));
        Connection connection = c.connection();
        Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue("work");
        var producer = producerSession.createProducer(queue);
        Session consumerSession = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        var consumer = consumerSession.createConsumer(queue);
        connection.start();
        loop = new ReceiveLoop("client-ack-consumer-" + c.fault, consumer,
                new ClientAckHandler(consumerSession, "queue", ledger, c.exceptions), c.exceptions);
        return new PlainSender(producerSession, producer, ledger, c.exceptions);
    }

    @Override
    void stop(FaultCase c) {
        if (loop != null) {
            loop.close();
        }
    }
}
